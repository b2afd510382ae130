#!/usr/bin/env python3
"""Expected weights after one CYBORG training step, for TrainingStepParityTest: ResNet-50 from the
seeded weights the test dumps, batch of four images in order (two Synthetic, two Real), maps at
the CAM's 7x7, loss 0.5 * CE + 0.5 * MSE(min-max CAM of the predicted class, map), SGD lr 0.005,
momentum 0.9, weight decay 1e-6, batch norm in training mode. Records 16 fixed positions of every
updated tensor (and num_batches_tracked).

    mvn -o -pl cyborg-core test -Dtest=TrainingStepParityTest -Dcyborg.step.dump=/tmp/step
    /usr/bin/python3 tools/golden/make_step_golden.py /tmp/step ../shared/data \\
        cyborg-core/src/test/resources/cyborg/train/step-golden.json
"""
import json
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F
import torchvision
from PIL import Image
from torchvision import transforms


def main(dump, shared, out):
    files = [os.path.join(shared, "cyborg-gan-samples", "000170.png"),
             os.path.join(shared, "cyborg-gan-samples", "000174.png"),
             os.path.join(shared, "public-domain-faces", "astronaut.png"),
             os.path.join(shared, "public-domain-faces", "grace_hopper_512x512.jpg")]
    labels = torch.tensor([1, 1, 0, 0])
    pre = transforms.Compose([transforms.Resize((224, 224)), transforms.ToTensor(),
                              transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])
    x = torch.stack([pre(Image.open(f).convert("RGB")) for f in files])
    maps = []
    for f in files:
        stem = os.path.splitext(os.path.basename(f))[0]
        m = np.asarray(Image.open(os.path.join(dump, stem + ".png")).convert("L"), dtype=np.float32) / 255
        maps.append((m - m.min()) / (m.max() - m.min()))
    maps = torch.tensor(np.stack(maps))

    model = torchvision.models.resnet50(num_classes=2)
    model.load_state_dict(torch.load(os.path.join(dump, "initial.pth")), strict=True)
    model.train()
    feats = {}
    model.layer4[-1].conv3.register_forward_hook(lambda mod, inp, o: feats.__setitem__("f", o))
    opt = torch.optim.SGD(model.parameters(), lr=0.005, momentum=0.9, weight_decay=1e-6)
    opt.zero_grad()
    logits = model(x)
    pred = logits.argmax(1)
    cam = torch.einsum("bc,bchw->bhw", model.fc.weight[pred], feats["f"])
    flat = cam.reshape(4, -1)
    flat = flat - flat.min(1, keepdim=True).values
    flat = flat / (flat.max(1, keepdim=True).values + 1e-12)
    loss = 0.5 * F.cross_entropy(logits, labels) + 0.5 * ((flat.reshape(4, 7, 7) - maps) ** 2).mean()
    loss.backward()
    opt.step()

    rng = np.random.RandomState(0)
    tensors = {}
    for k, v in model.state_dict().items():
        flatv = v.detach().reshape(-1)
        if k.endswith("num_batches_tracked"):
            tensors[k] = {"index": [0], "value": [int(flatv[0])]}
            continue
        n = flatv.numel()
        idx = sorted(set([0, n - 1] + list(rng.randint(0, n, size=14))))
        tensors[k] = {"index": [int(i) for i in idx], "value": [float(flatv[i]) for i in idx]}
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as fh:
        json.dump({"torch": torch.__version__, "loss": float(loss), "tensors": tensors}, fh)
    print("loss", float(loss), "tensors", len(tensors))


if __name__ == "__main__":
    main(*sys.argv[1:4])
