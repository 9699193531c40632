import json
import os
import random

# %% cell 1 (id 7d1e0c55)
import numpy as np
import torch

config = json.load(open(os.environ["LOCKSTEP_CONFIG"]))
seed = config["seed"]
random.seed(seed)
np.random.seed(seed)
torch.manual_seed(seed)
torch.use_deterministic_algorithms(True)

# %% cell 2 (id 2b9a4f10)
features = torch.randn(64, 3)
targets = features @ torch.tensor([[1.5], [-2.0], [0.5]]) + 0.1 * torch.randn(64, 1)
model = torch.nn.Linear(3, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=config["params"]["learning_rate"])

# %% cell 3 (id 6c3d8e21)
for epoch in range(config["params"]["epochs"]):
    optimizer.zero_grad()
    loss = torch.nn.functional.mse_loss(model(features), targets)
    loss.backward()
    optimizer.step()
print("final loss", float(loss), flush=True)
torch.save(model.state_dict(), config["outputs"]["model"])
with open(config["outputs"]["metrics"], "w") as handle:
    json.dump({"loss": float(loss), "torch": torch.__version__}, handle, sort_keys=True)
