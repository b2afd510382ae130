#!/usr/bin/env python3
"""The PyTorch reference of cyborg's side-by-side benchmark (run by tools/bench/compare.sh).

Modes, each printing one line `RESULT <mode> <images per second>`:
  train   the CYBORG training step in the style of the reference's train_cam.py: torchvision
          network with a 2-way head, features of the last block by a forward hook, CAM of the
          predicted class (fc weights . features), min-max normalised, loss 0.5 CE + 0.5 MSE(CAM,
          human map), SGD lr 0.005, momentum 0.9, weight decay 1e-6; random images and maps (as
          `cyborg bench`, so decoding does not count).
  single  scoring in the style of the reference's test.py: one image per forward pass, PIL open,
          convert("RGB"), Resize, ToTensor, Normalize, softmax; the files listed in --list.
  batched the same preprocessing, batches of --batch images per forward pass.
  save    writes the randomly initialised network's state dict to --out (cyborg scores the same
          weights).
Python and PyTorch here serve the benchmark only; cyborg never runs them.
"""
import argparse
import os
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
from PIL import Image
from torchvision import transforms


def network(arch):
    torch.manual_seed(1)
    net = getattr(torchvision.models, arch)()
    net.fc = nn.Linear(net.fc.in_features, 2)
    return net


def cam_loss(net, features, x, labels, maps):
    logits = net(x)
    f = features["last"]
    pred = logits.argmax(1)
    w = net.fc.weight[pred]                                   # (b, c)
    cam = torch.einsum("bc,bchw->bhw", w, f)
    flat = cam.flatten(1)
    flat = flat - flat.min(1, keepdim=True)[0]
    flat = flat / (flat.max(1, keepdim=True)[0] + 1e-12)
    target = F.interpolate(maps.unsqueeze(1), size=cam.shape[1:], mode="bilinear", align_corners=False)
    mse = F.mse_loss(flat.view_as(cam), target.squeeze(1))
    return 0.5 * F.cross_entropy(logits, labels) + 0.5 * mse


def train(args):
    net = network(args.arch)
    features = {}
    net.layer4.register_forward_hook(lambda m, i, o: features.__setitem__("last", o))
    opt = torch.optim.SGD(net.parameters(), lr=0.005, momentum=0.9, weight_decay=1e-6)
    net.train()
    x = torch.randn(args.batch, 3, args.size, args.size)
    labels = torch.randint(0, 2, (args.batch,))
    maps = torch.rand(args.batch, args.size, args.size)
    for i in range(args.warmup + args.steps):
        if i == args.warmup:
            t0 = time.perf_counter()
        opt.zero_grad()
        cam_loss(net, features, x, labels, maps).backward()
        opt.step()
    print("RESULT train %.3f" % (args.steps * args.batch / (time.perf_counter() - t0)))


def preprocess(size):
    return transforms.Compose([
        transforms.Resize((size, size)),
        transforms.ToTensor(),
        transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
    ])


def score(args, batched):
    net = network(args.arch)
    net.load_state_dict(torch.load(args.weights))
    net.eval()
    pre = preprocess(args.size)
    files = [l.strip() for l in open(args.list) if l.strip()]
    step = args.batch if batched else 1
    t0 = time.perf_counter()
    with torch.no_grad():
        for i in range(0, len(files), step):
            x = torch.stack([pre(Image.open(f).convert("RGB")) for f in files[i:i + step]])
            torch.softmax(net(x), 1)
    print("RESULT %s %.3f" % ("batched" if batched else "single", len(files) / (time.perf_counter() - t0)))


def main():
    # Debian's build starts with one OpenMP thread here; cyborg uses every core, so must the reference
    torch.set_num_threads(len(os.sched_getaffinity(0)))
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["train", "single", "batched", "save"])
    p.add_argument("--arch", default="resnet50")
    p.add_argument("--size", type=int, default=224)
    p.add_argument("--batch", type=int, default=20)
    p.add_argument("--steps", type=int, default=3)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--list")
    p.add_argument("--weights")
    p.add_argument("--out")
    args = p.parse_args()
    if args.mode == "train":
        train(args)
    elif args.mode == "save":
        torch.save(network(args.arch).state_dict(), args.out)
    else:
        score(args, args.mode == "batched")


if __name__ == "__main__":
    main()
