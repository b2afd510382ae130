#!/usr/bin/env python3
"""A client of the Open Inference Protocol (KServe v2, REST), written from the specification
(https://kserve.github.io/website/docs/concepts/architecture/data-plane/v2-protocol) with Python's
standard library alone: it knows nothing of cyborg beyond what the protocol's metadata says.

    python3 tools/oip/v2_client.py --url http://127.0.0.1:8080 --model cyborg face1.png face2.jpg
    python3 tools/oip/v2_client.py --url ... --model cyborg --version 2 --cam --wait 60 face.png

It waits (--wait seconds) for GET /v2/health/ready, reads the model's metadata, sends the images
as the BYTES input the metadata names (base64, the JSON encoding of bytes), checks the answer
against the specification's $inference_response, and prints one JSON line per image:
{"file": ..., "score": ..., "label": ...} (and "cam_shape" with --cam). Exit status 1 on an error
answer (its {"error": ...} printed) or an answer the specification does not allow.
"""
import argparse
import base64
import json
import sys
import time
import urllib.error
import urllib.request


def call(url, body=None, token=None):
    """(status, parsed JSON or None) of a GET, or of a POST of `body` as JSON."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, method="GET" if body is None else "POST")
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=120) as answer:
            status, raw = answer.status, answer.read()
    except urllib.error.HTTPError as e:
        status, raw = e.code, e.read()
    return status, (json.loads(raw) if raw.strip() else None)


def fail(message):
    print("v2_client: " + message, file=sys.stderr)
    sys.exit(1)


def require(ok, message):
    if not ok:
        fail("not what the protocol allows: " + message)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="the server, e.g. http://127.0.0.1:8080")
    parser.add_argument("--model", required=True)
    parser.add_argument("--version", help="a model version (default: the server's choice)")
    parser.add_argument("--token", help="a bearer token")
    parser.add_argument("--cam", action="store_true", help="also ask for the 'cam' output")
    parser.add_argument("--wait", type=float, default=0, help="seconds to wait for /v2/health/ready")
    parser.add_argument("images", nargs="+")
    args = parser.parse_args()
    base = args.url.rstrip("/")

    deadline = time.monotonic() + args.wait
    while True:
        try:
            status, body = call(base + "/v2/health/ready")
        except OSError:
            status, body = None, None
        if status == 200:
            require(body is None, "a health answer's body should be empty, got %r" % (body,))
            break
        require(status is None or 400 <= status < 500, "health is 200 or a 4xx, got %s" % status)
        if time.monotonic() >= deadline:
            fail("the server is not ready (GET /v2/health/ready: %s)" % status)
        time.sleep(0.25)

    model = base + "/v2/models/" + args.model + ("/versions/" + args.version if args.version else "")
    status, meta = call(model, token=args.token)
    if status != 200:
        fail("model metadata: %s %s" % (status, meta))
    for field in ("name", "platform", "inputs", "outputs"):
        require(field in meta, "model metadata has no %r: %s" % (field, meta))
    byte_inputs = [t for t in meta["inputs"] if t["datatype"] == "BYTES"]
    require(byte_inputs, "the model takes no BYTES input: %s" % meta["inputs"])
    outputs = [{"name": "score"}, {"name": "label"}] + ([{"name": "cam"}] if args.cam else [])

    encoded = []
    for path in args.images:
        with open(path, "rb") as f:
            encoded.append(base64.b64encode(f.read()).decode("ascii"))
    request = {"id": "v2-client-1",
               "inputs": [{"name": byte_inputs[0]["name"], "shape": [len(encoded)], "datatype": "BYTES",
                           "data": encoded}],
               "outputs": outputs}
    status, answer = call(model + "/infer", request, token=args.token)
    if status != 200:
        require(isinstance(answer, dict) and isinstance(answer.get("error"), str),
                "an error answer is {\"error\": $string}, got %s" % (answer,))
        fail("%s: %s" % (status, answer["error"]))
    require(answer.get("model_name") == args.model, "model_name %r" % answer.get("model_name"))
    require(answer.get("id") == "v2-client-1", "the request's id comes back, got %r" % answer.get("id"))
    if args.version:
        require(answer.get("model_version") == args.version, "model_version %r" % answer.get("model_version"))
    tensors = {}
    for t in answer["outputs"]:
        for field in ("name", "shape", "datatype", "data"):
            require(field in t, "an output tensor has no %r: %s" % (field, t))
        size = 1
        for d in t["shape"]:
            size *= d
        require(len(t["data"]) == size, "output %s: %d elements for shape %s" % (t["name"], len(t["data"]), t["shape"]))
        tensors[t["name"]] = t
    require(sorted(tensors) == sorted(o["name"] for o in outputs), "the outputs asked for: %s" % sorted(tensors))
    require(tensors["score"]["datatype"] == "FP32" and tensors["label"]["datatype"] == "BYTES", "datatypes")
    for i, path in enumerate(args.images):
        line = {"file": path, "score": tensors["score"]["data"][i], "label": tensors["label"]["data"][i]}
        if args.cam:
            line["cam_shape"] = [1] + tensors["cam"]["shape"][1:]
        print(json.dumps(line))


if __name__ == "__main__":
    main()
