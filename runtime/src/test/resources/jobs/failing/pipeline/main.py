import json
import os
import sys

config = json.load(open(os.environ["LOCKSTEP_CONFIG"]))
mode = config["params"]["mode"]
token = os.environ["LOCKSTEP_TEST_TOKEN"]

# %% cell 2 (id 11aa22bb)
print("the token is", token, flush=True)
print("token again on stderr:", token, file=sys.stderr, flush=True)
print("token length", len(token), flush=True)


def parse(text):
    return json.loads(text)


# %% cell 7 (id 3f2a1c9e)
if mode == "divide":
    ratio = 1 / 0

# %% cell 9
if mode == "library":
    parse("{not json")
if mode == "exit":
    sys.exit(3)

# %% cell 10 (id 5c6d7e8f)
if mode != "missing":
    with open(config["outputs"]["result"], "w") as handle:
        handle.write("ok\n")
