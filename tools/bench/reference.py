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
  onnx    exports the weights of --weights with torch.onnx.export to --out (dynamic batch), for
          `batched --engine onnxruntime`.
Peer options (the rows a user would compare cyborg with, run in a venv with a newer PyTorch):
  --precision bf16   train under torch.autocast("cpu", torch.bfloat16); score with the weights
                     and the input cast to bfloat16 once (softmax in float32)
  --engine onnxruntime  `batched` through ONNX Runtime's CPU provider on the --onnx file, the
                     same preprocessing
Every mode prints `VERSIONS ...` (Python, PyTorch, ONNX Runtime when used) before its result.
Python and PyTorch here serve the benchmark only; cyborg never runs them.
"""
import argparse
import contextlib
import os
import platform
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image

try:
    import torchvision
except (ImportError, RuntimeError):
    # The local mirror's torchvision wheels are CUDA builds that do not load beside the CPU-only
    # torch wheel of the peer venv; the ResNets below then stand in, with torchvision's names.
    torchvision = None


class _Block(nn.Module):
    """torchvision's BasicBlock (expansion 1) or Bottleneck (expansion 4), v1.5 (stride on the 3x3)."""

    def __init__(self, cin, width, stride, bottleneck):
        super().__init__()
        self.expansion = 4 if bottleneck else 1
        out = width * self.expansion
        convs = ([(cin, width, 1, 1), (width, width, 3, stride), (width, out, 1, 1)] if bottleneck
                 else [(cin, width, 3, stride), (width, width, 3, 1)])
        for i, (a, b, k, st) in enumerate(convs, 1):
            setattr(self, "conv%d" % i, nn.Conv2d(a, b, k, st, k // 2, bias=False))
            setattr(self, "bn%d" % i, nn.BatchNorm2d(b))
        self.n = len(convs)
        self.relu = nn.ReLU(inplace=True)
        self.downsample = (nn.Sequential(nn.Conv2d(cin, out, 1, stride, bias=False), nn.BatchNorm2d(out))
                           if stride != 1 or cin != out else None)

    def forward(self, x):
        y = x
        for i in range(1, self.n + 1):
            y = getattr(self, "bn%d" % i)(getattr(self, "conv%d" % i)(y))
            if i < self.n:
                y = self.relu(y)
        return self.relu(y + (x if self.downsample is None else self.downsample(x)))


class _ResNet(nn.Module):
    def __init__(self, depths, bottleneck):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 64, 7, 2, 3, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(3, 2, 1)
        cin = 64
        for i, (n, width) in enumerate(zip(depths, [64, 128, 256, 512]), 1):
            blocks = []
            for j in range(n):
                blocks.append(_Block(cin, width, 2 if j == 0 and i > 1 else 1, bottleneck))
                cin = blocks[-1].expansion * width
            setattr(self, "layer%d" % i, nn.Sequential(*blocks))
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(cin, 1000)

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return self.fc(torch.flatten(self.avgpool(x), 1))


def network(arch):
    torch.manual_seed(1)
    if torchvision is not None:
        net = getattr(torchvision.models, arch)()
    else:
        net = {"resnet18": lambda: _ResNet([2, 2, 2, 2], False),
               "resnet50": lambda: _ResNet([3, 4, 6, 3], True)}[arch]()
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
    # autocast runs convolutions and matrix products in bfloat16 and keeps the rest (and the master
    # weights) in float32, as PyTorch's CPU mixed-precision recipe says
    mixed = (torch.autocast("cpu", dtype=torch.bfloat16) if args.precision == "bf16"
             else contextlib.nullcontext())
    for i in range(args.warmup + args.steps):
        if i == args.warmup:
            t0 = time.perf_counter()
        opt.zero_grad()
        with mixed:
            loss = cam_loss(net, features, x, labels, maps)
        loss.backward()
        opt.step()
    print("RESULT train %.3f" % (args.steps * args.batch / (time.perf_counter() - t0)))


MEAN, STD = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]


def preprocess(size):
    if torchvision is not None:
        from torchvision import transforms
        return transforms.Compose([
            transforms.Resize((size, size)),
            transforms.ToTensor(),
            transforms.Normalize(MEAN, STD),
        ])
    # what Resize((size, size)) + ToTensor + Normalize do to a PIL image: a bilinear PIL resize
    mean, std = torch.tensor(MEAN).view(3, 1, 1), torch.tensor(STD).view(3, 1, 1)
    return lambda im: (torch.from_numpy(np.asarray(im.resize((size, size), Image.BILINEAR), dtype=np.float32)
                                        / 255.0).permute(2, 0, 1) - mean) / std


def loaded(args):
    net = network(args.arch)
    net.load_state_dict(torch.load(args.weights))
    return net.eval()


def forward_of(args):
    """The batch -> probabilities function of the chosen engine and precision."""
    if args.engine == "onnxruntime":
        import onnxruntime
        print("VERSIONS onnxruntime %s" % onnxruntime.__version__)
        opts = onnxruntime.SessionOptions()
        opts.intra_op_num_threads = len(os.sched_getaffinity(0))
        session = onnxruntime.InferenceSession(args.onnx, opts, providers=["CPUExecutionProvider"])
        name = session.get_inputs()[0].name
        return lambda x: torch.softmax(torch.from_numpy(session.run(None, {name: x.numpy()})[0]), 1)
    net = loaded(args)
    if args.precision == "bf16":
        net = net.to(torch.bfloat16)
        return lambda x: torch.softmax(net(x.to(torch.bfloat16)).float(), 1)
    return lambda x: torch.softmax(net(x), 1)


def export_onnx(args):
    net = loaded(args)
    x = torch.randn(1, 3, args.size, args.size)
    torch.onnx.export(net, x, args.out, input_names=["input"], output_names=["logits"],
                      dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}}, opset_version=17,
                      dynamo=False)


def score(args, batched):
    forward = forward_of(args)
    pre = preprocess(args.size)
    files = [l.strip() for l in open(args.list) if l.strip()]
    step = args.batch if batched else 1
    t0 = time.perf_counter()
    with torch.no_grad():
        for i in range(0, len(files), step):
            x = torch.stack([pre(Image.open(f).convert("RGB")) for f in files[i:i + step]])
            forward(x)
    print("RESULT %s %.3f" % ("batched" if batched else "single", len(files) / (time.perf_counter() - t0)))


def main():
    # Debian's build starts with one OpenMP thread here; cyborg uses every core, so must the reference
    torch.set_num_threads(len(os.sched_getaffinity(0)))
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["train", "single", "batched", "save", "onnx"])
    p.add_argument("--arch", default="resnet50")
    p.add_argument("--size", type=int, default=224)
    p.add_argument("--batch", type=int, default=20)
    p.add_argument("--steps", type=int, default=3)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--list")
    p.add_argument("--weights")
    p.add_argument("--out")
    p.add_argument("--precision", choices=["fp32", "bf16"], default="fp32")
    p.add_argument("--engine", choices=["torch", "onnxruntime"], default="torch")
    p.add_argument("--onnx")
    args = p.parse_args()
    print("VERSIONS python %s torch %s torchvision %s" % (platform.python_version(), torch.__version__,
          torchvision.__version__ if torchvision is not None else "absent (own ResNets)"))
    if args.mode == "train":
        train(args)
    elif args.mode == "save":
        torch.save(network(args.arch).state_dict(), args.out)
    elif args.mode == "onnx":
        export_onnx(args)
    else:
        score(args, args.mode == "batched")


if __name__ == "__main__":
    main()
