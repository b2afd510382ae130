#!/usr/bin/env python3
"""Expected scores and CAMs for PytorchParityTest, computed with torchvision as the CYBORG
reference's test script does: PIL image -> RGB -> Resize((size, size)) -> ToTensor -> Normalize,
score = sigmoid(logit[Synthetic]), CAM = W[predicted] . F at the reference CAM layer, min-max.

    mvn -o -pl cyborg-core test -Dtest=PytorchParityTest -Dcyborg.parity.dump=/tmp/parity
    /usr/bin/python3 tools/golden/make_parity_golden.py /tmp/parity ../shared/data \\
        cyborg-core/src/test/resources/cyborg/model/parity/golden.json

Debian's python3-torch 1.13 and python3-torchvision 0.14; cyborg itself never runs Python.
"""
import glob
import json
import os
import sys

import torch
import torchvision
from PIL import Image
from torchvision import transforms

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_arch_golden import Xception  # noqa: E402  (the reference's Xception port, reimplemented)

IMAGENET = ([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
HALF = ([0.5, 0.5, 0.5], [0.5, 0.5, 0.5])


def networks():
    return {
        "resnet50": (torchvision.models.resnet50(num_classes=2), 224, IMAGENET, lambda m: m.layer4[-1].conv3, "fc"),
        "densenet121": (torchvision.models.densenet121(num_classes=2), 224, IMAGENET, lambda m: m.features, "classifier"),
        "inception_v3": (torchvision.models.inception_v3(num_classes=2, aux_logits=False, init_weights=False), 299,
                         IMAGENET, lambda m: m.Mixed_7c, "fc"),
        "xception": (Xception(num_classes=2), 299, HALF, lambda m: m.conv4, "last_linear"),
    }


def main(weights_dir, shared, out):
    files = sorted(glob.glob(os.path.join(shared, "cyborg-gan-samples", "*.png")))
    files += [os.path.join(shared, "public-domain-faces", "astronaut.png"),
              os.path.join(shared, "public-domain-faces", "grace_hopper_512x512.jpg")]
    golden = {}
    for name, (model, size, (mean, std), layer, head) in networks().items():
        model.load_state_dict(torch.load(os.path.join(weights_dir, name + ".pth")), strict=True)
        model.eval()
        features = {}
        # clone: DenseNet applies F.relu(features, inplace=True) after the hook, which would
        # otherwise rectify the captured tensor; the reference's CAM layer is before that ReLU
        layer(model).register_forward_hook(lambda mod, inp, out: features.__setitem__("f", out.clone()))
        pre = transforms.Compose([transforms.Resize((size, size)), transforms.ToTensor(), transforms.Normalize(mean, std)])
        weight = getattr(model, head).weight
        golden[name] = {}
        with torch.no_grad():
            for f in files:
                x = pre(Image.open(f).convert("RGB")).unsqueeze(0)
                logits = model(x)
                pred = int(logits.argmax(1))
                cam = torch.einsum("c,chw->hw", weight[pred], features["f"][0])
                cam = cam - cam.min()
                cam = cam / cam.max()
                golden[name][os.path.basename(f)] = {
                    "score": float(torch.sigmoid(logits[0, 1])),
                    "predicted": pred,
                    "cam": [round(float(v), 7) for v in cam.flatten()],
                }
        print(name, "done")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as fh:
        json.dump({"torch": torch.__version__, "torchvision": torchvision.__version__, **golden}, fh, indent=1)


if __name__ == "__main__":
    main(*sys.argv[1:4])
