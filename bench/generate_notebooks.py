#!/usr/bin/env python3
"""Writes a corpus of realistic, deterministic Jupyter notebooks for benchmarks.

    python3 bench/generate_notebooks.py --count 1000 --out /tmp/corpus-1k
    python3 bench/generate_notebooks.py --count 10000 --out /tmp/corpus-10k --seed 7

Standard library only; any Python 3.8+. Notebook i depends only on (seed, i), so a corpus of
10,000 holds the corpus of 1,000 as its first thousand files, byte for byte, on any machine.

The notebooks mix the shapes of test-notebooks/examples: training loops (PyTorch, Hugging Face,
scikit-learn), exploration cells (head/describe/plots with PNG outputs, HTML tables), every
common IPython form (line and cell magics, shell escapes, help), markdown, error outputs with
ANSI tracebacks, and now and then a cell that does not parse. Sizes follow a long tail: most
notebooks are tens of kilobytes, a few carry megabytes of images.

Files are named nb-NNNNN.ipynb (unique names, so peers that write one script per notebook
into one folder never collide), 500 to a subfolder.
"""

import argparse
import base64
import json
import os
import random
import sys

PACKAGES = ["torch", "transformers", "datasets", "peft", "pandas", "numpy", "scikit-learn",
            "matplotlib", "seaborn", "accelerate", "evaluate", "tqdm", "xgboost", "lightgbm"]
MODELS = ["bert-base-uncased", "distilbert-base-uncased", "roberta-base", "gpt2", "t5-small",
          "microsoft/deberta-v3-small", "google/flan-t5-base", "facebook/opt-125m"]
DATASETS = ["imdb", "glue", "squad", "ag_news", "emotion", "yelp_review_full", "tweet_eval"]
WORDS = ["loss", "score", "churn", "revenue", "tenure", "plan", "region", "clicks", "age",
         "label", "feature", "weight", "ratio", "count", "total", "mean", "delta", "rate"]
USERS = ["maria", "ahmed", "li", "sofia", "jan", "priya", "tom"]
UNICODE_BITS = ["naïve", "Größe", "données", "東京", "μ-law", "résumé", "✓ done", "😀 ok", "ΔT"]


class Notebook:
    def __init__(self, rng, index):
        self.rng = rng
        self.index = index
        self.cells = []
        self.count = 0
        self.df = rng.choice(["df", "data", "frame", "train_df", "raw"])
        self.model = rng.choice(["model", "net", "clf", "learner"])

    # ------------------------------------------------------------------ building blocks

    def word(self):
        return self.rng.choice(WORDS)

    def ident(self):
        return self.word() + ("_" + self.word() if self.rng.random() < 0.5 else "")

    def number(self):
        r = self.rng.random()
        if r < 0.4:
            return str(self.rng.randint(1, 512))
        if r < 0.7:
            return repr(round(self.rng.uniform(0, 1), 3))
        return "%de-%d" % (self.rng.randint(1, 9), self.rng.randint(2, 6))

    def md(self, text):
        self.cells.append({"cell_type": "markdown", "id": self.cell_id(), "metadata": {},
                           "source": lines(text)})

    def code(self, text, outputs=(), executed=True, tags=None):
        count = None
        if executed:
            self.count += 1
            count = self.count
            if self.rng.random() < 0.05:  # re-run cells: out-of-order counts
                count += self.rng.randint(1, 9)
        metadata = {"tags": tags} if tags else {}
        cell = {"cell_type": "code", "execution_count": count, "id": self.cell_id(),
                "metadata": metadata, "outputs": [], "source": lines(text)}
        for out in outputs:
            if out.get("output_type") in ("execute_result",):
                out["execution_count"] = count
            cell["outputs"].append(out)
        self.cells.append(cell)

    def cell_id(self):
        return "%08x" % self.rng.getrandbits(32)

    def stream(self, text, name="stdout"):
        return {"output_type": "stream", "name": name, "text": lines(text)}

    def result(self, plain, html=None):
        data = {"text/plain": lines(plain)}
        if html:
            data["text/html"] = lines(html)
        return {"output_type": "execute_result", "data": data, "metadata": {}}

    def image(self):
        # Mostly small plots, a long tail of big figures (hi-dpi, many subplots).
        r = self.rng.random()
        if r < 0.85:
            size = self.rng.randint(3_000, 25_000)
        elif r < 0.99:
            size = self.rng.randint(25_000, 120_000)
        else:
            size = self.rng.randint(500_000, 1_500_000)
        payload = base64.b64encode(b"\x89PNG\r\n\x1a\n" + self.rng.randbytes(size)).decode("ascii")
        wrapped = [payload[i:i + 76] + "\n" for i in range(0, len(payload), 76)]
        return {"output_type": "display_data",
                "data": {"image/png": "".join(wrapped), "text/plain": ["<Figure size 640x480 with 1 Axes>"]},
                "metadata": {"needs_background": "light"}}

    def table(self, rows):
        cols = [self.word() for _ in range(self.rng.randint(3, 8))]
        plain = ["     " + "  ".join("%8s" % c for c in cols)]
        html = ["<div>\n", "<table border=\"1\" class=\"dataframe\">\n", "  <thead>\n    <tr>\n"]
        html += ["      <th>%s</th>\n" % c for c in cols]
        html.append("    </tr>\n  </thead>\n  <tbody>\n")
        for r in range(rows):
            values = ["%.4f" % self.rng.uniform(-100, 100) for _ in cols]
            plain.append("%-5d" % r + "  ".join("%8s" % v for v in values))
            html.append("    <tr>\n      <th>%d</th>\n" % r)
            html += ["      <td>%s</td>\n" % v for v in values]
            html.append("    </tr>\n")
        html.append("  </tbody>\n</table>\n</div>")
        return self.result("\n".join(plain), "".join(html))

    def traceback(self):
        frames = ["\x1b[0;31m---------------------------------------------------------------------------\x1b[0m",
                  "\x1b[0;31mKeyError\x1b[0m                                  Traceback (most recent call last)"]
        for _ in range(self.rng.randint(2, 12)):
            frames.append("File \x1b[0;32m/usr/lib/python3/dist-packages/pandas/core/frame.py:%d\x1b[0m, in "
                          "\x1b[0;36mDataFrame.__getitem__\x1b[0;34m(self, key)\x1b[0m" % self.rng.randint(1, 4000))
        return {"output_type": "error", "ename": "KeyError", "evalue": "'%s'" % self.word(),
                "traceback": frames}

    # ------------------------------------------------------------------ cell shapes

    def setup(self):
        rng = self.rng
        pkgs = rng.sample(PACKAGES, rng.randint(1, 5))
        if rng.random() < 0.6:
            pins = [p + ("==%d.%d.%d" % (rng.randint(0, 3), rng.randint(0, 30), rng.randint(0, 9))
                         if rng.random() < 0.3 else "") for p in pkgs]
            self.code("!pip install -q " + " ".join(pins),
                      [self.stream("Requirement already satisfied: %s in /usr/lib/python3/dist-packages\n" % p)
                       for p in pkgs])
        magics = []
        if rng.random() < 0.7:
            magics.append("%matplotlib inline")
        if rng.random() < 0.4:
            magics += ["%load_ext autoreload", "%autoreload 2"]
        imports = ["import os", "import json", "import numpy as np", "import pandas as pd"]
        if rng.random() < 0.6:
            imports += ["import torch", "import torch.nn as nn", "import torch.nn.functional as F",
                        "from torch.utils.data import DataLoader, TensorDataset"]
        if rng.random() < 0.4:
            imports += ["from transformers import AutoTokenizer, AutoModelForSequenceClassification, Trainer, TrainingArguments",
                        "from datasets import load_dataset"]
        if rng.random() < 0.5:
            imports += ["from sklearn.model_selection import train_test_split",
                        "from sklearn.ensemble import RandomForestClassifier",
                        "from sklearn.metrics import accuracy_score, roc_auc_score"]
        imports.append("import matplotlib.pyplot as plt")
        if rng.random() < 0.2:
            imports.append("from helpers import *")
        self.code("\n".join(magics + imports))

    def load_data(self):
        rng = self.rng
        user = rng.choice(USERS)
        path = rng.choice(["/home/%s/data/%s.csv" % (user, self.word()), "data/%s.csv" % self.word(),
                           "~/Downloads/%s_export.csv" % self.word(),
                           "https://example.org/%s/%s.csv" % (user, self.word())])
        self.code('%s = pd.read_csv("%s")\n%s.shape' % (self.df, path, self.df),
                  [self.result("(%d, %d)" % (rng.randint(100, 10**6), rng.randint(3, 40)))])
        self.code("%s.head()" % self.df, [self.table(5)])

    def explore(self):
        rng = self.rng
        df = self.df
        kind = rng.randint(0, 9)
        if kind == 0:
            self.code("%s.describe()" % df, [self.table(8)])
        elif kind == 1:
            col = self.word()
            self.code('%s["%s"].value_counts()' % (df, col),
                      [self.result("\n".join("%s    %d" % (self.word(), rng.randint(1, 999)) for _ in range(6)))])
        elif kind == 2:
            self.code("fig, ax = plt.subplots(figsize=(%d, %d))\nax.plot(%s[\"%s\"], marker=\"o\")\n"
                      "ax.set_title(\"%s\")\nplt.show()" % (rng.randint(4, 12), rng.randint(3, 8), df, self.word(),
                                                          rng.choice(UNICODE_BITS)),
                      [self.image()])
        elif kind == 3:
            self.code('%s.groupby("%s")["%s"].mean().plot.bar(title="%s by %s")'
                      % (df, self.word(), self.word(), self.word(), self.word()),
                      [self.result("<Axes: >"), self.image()])
        elif kind == 4:
            self.code("%s.sample(frac=%s).%s()" % (df, self.number(), rng.choice(["info", "head", "tail"])),
                      [self.stream("<class 'pandas.core.frame.DataFrame'>\nRangeIndex: 1000 entries\n")])
        elif kind == 5:
            self.code("%s?" % rng.choice(["pd.read_csv", df + ".merge", "np.random.seed"]))
        elif kind == 6:
            self.code("%%timeit\n%s.%s()" % (df, rng.choice(["sum", "mean", "copy"])),
                      [self.stream("%d ms ± %d µs per loop (mean ± std. dev. of 7 runs, 10 loops each)\n"
                                   % (rng.randint(1, 900), rng.randint(1, 900)))])
        elif kind == 7:
            self.code('%s["%s"]' % (df, self.word()), [self.traceback()])
        elif kind == 8:
            self.code("!ls -la data/ | head\nfiles = !ls data/*.csv\nlen(files)",
                      [self.stream("total 48\ndrwxr-xr-x 2 user user 4096 data\n"), self.result(str(rng.randint(1, 40)))])
        else:
            a, b = self.ident(), self.ident()
            self.code("%s = %s[%s[\"%s\"] > %s]\n%s = %s.%s.sum() / len(%s)\nprint(f\"%s: {%s:.3f}\")"
                      % (a, df, df, self.word(), self.number(), b, a, self.word(), a, rng.choice(UNICODE_BITS), b),
                      [self.stream("%s: %.3f\n" % (self.word(), rng.random()))])

    def hyperparameters(self):
        names = ["lr", "epochs", "batch_size", "weight_decay", "dropout", "hidden", "warmup_steps", "seed"]
        chosen = self.rng.sample(names, self.rng.randint(3, len(names)))
        self.code("# hyperparameters\n" + "\n".join("%s = %s" % (n, self.number()) for n in chosen))

    def torch_model(self):
        rng = self.rng
        layers = rng.randint(2, 6)
        body = ["class %s(nn.Module):" % rng.choice(["MLP", "Net", "Classifier", "Adapter"]),
                '    """A small network for the %s task."""' % self.word(), "",
                "    def __init__(self, n_in, n_out, hidden=64, dropout=0.1):",
                "        super().__init__()",
                "        self.layers = nn.ModuleList()"]
        for i in range(layers):
            body.append("        self.layers.append(nn.Linear(%s, %s))" % ("n_in" if i == 0 else "hidden", "hidden"))
        body += ["        self.head = nn.Linear(hidden, n_out)",
                 "        self.dropout = nn.Dropout(dropout)", "",
                 "    def forward(self, x):",
                 "        for layer in self.layers:",
                 "            x = self.dropout(F.relu(layer(x)))",
                 "        return self.head(x)", ""]
        for _ in range(rng.randint(0, 3)):
            name = self.ident()
            body += ["    @torch.no_grad()", "    def %s(self, x, *, k=%d):" % (name, rng.randint(1, 9)),
                     "        scores = [self(xb).softmax(-1) for xb in x.split(%d)]" % rng.randint(8, 128),
                     "        return torch.cat(scores).topk(k).indices", ""]
        self.code("\n".join(body))
        self.code("%s = %s(n_in=%d, n_out=%d)\nprint(sum(p.numel() for p in %s.parameters()))"
                  % (self.model, body[0][6:body[0].index("(")], rng.randint(4, 512), rng.randint(2, 10), self.model),
                  [self.stream("%d\n" % rng.randint(1000, 10**7))])

    def training_loop(self):
        rng = self.rng
        epochs = rng.randint(2, 30)
        loop = ["%%time" if rng.random() < 0.5 else "# train",
                "loader = DataLoader(TensorDataset(X_train, y_train), batch_size=batch_size, shuffle=True)",
                "optimizer = torch.optim.%s(%s.parameters(), lr=lr)" % (rng.choice(["Adam", "AdamW", "SGD"]), self.model),
                'history = {"loss": [], "acc": []}',
                "for epoch in range(%d):" % epochs,
                "    %s.train()" % self.model,
                "    total, correct, running = 0, 0, 0.0",
                "    for xb, yb in loader:",
                "        if torch.cuda.is_available():",
                "            xb, yb = xb.cuda(), yb.cuda()",
                "        logits = %s(xb)" % self.model,
                "        loss = F.cross_entropy(logits, yb)",
                "        optimizer.zero_grad()",
                "        loss.backward()",
                "        optimizer.step()",
                "        running += loss.item() * len(yb)",
                "        correct += (logits.argmax(dim=1) == yb).sum().item()",
                "        total += len(yb)",
                '    history["loss"].append(running / total)',
                '    history["acc"].append(correct / total)',
                '    print(f"epoch {epoch}: loss {running / total:.4f} acc {correct / total:.3f}")']
        log = "".join("epoch %d: loss %.4f acc %.3f\n" % (e, rng.uniform(0.05, 2), rng.random()) for e in range(epochs))
        self.code("\n".join(loop), [self.stream(log), self.stream("CPU times: user 3.2 s\nWall time: 3.4 s\n")])
        if rng.random() < 0.5:
            self.code('torch.save(%s.state_dict(), "out/%s.pt")' % (self.model, self.word()))

    def huggingface(self):
        rng = self.rng
        model = rng.choice(MODELS)
        self.code('dataset = load_dataset("%s")\ntokenizer = AutoTokenizer.from_pretrained("%s")\n\n\n'
                  'def tokenize(batch):\n    return tokenizer(batch["text"], truncation=True, max_length=%d)\n\n\n'
                  "tokenized = dataset.map(tokenize, batched=True)" % (rng.choice(DATASETS), model, rng.choice([128, 256, 512])),
                  [self.stream("Map: 100%%|██████████| %d/%d [00:0%ds<00:00]\n" % (25000, 25000, rng.randint(1, 9)), "stderr")])
        self.code("%s = AutoModelForSequenceClassification.from_pretrained(\"%s\", num_labels=%d)"
                  % (self.model, model, rng.randint(2, 10)))
        self.code("args = TrainingArguments(\n    output_dir=\"%s\",\n    learning_rate=%s,\n    num_train_epochs=%d,\n"
                  "    per_device_train_batch_size=%d,\n    fp16=%s,\n    report_to=\"none\",\n)\n"
                  "trainer = Trainer(model=%s, args=args, train_dataset=tokenized[\"train\"],"
                  " eval_dataset=tokenized[\"test\"], tokenizer=tokenizer)\ntrainer.train()"
                  % (self.word() + "-out", self.number(), rng.randint(1, 5), rng.choice([8, 16, 32]),
                     rng.choice(["True", "False"]), self.model),
                  [self.result("TrainOutput(global_step=%d, training_loss=%.4f)" % (rng.randint(100, 9999), rng.random()))])

    def sklearn(self):
        rng = self.rng
        seed = ", random_state=%d" % rng.randint(0, 99) if rng.random() < 0.4 else ""
        self.code('X = %s[[%s]].to_numpy()\ny = %s["%s"].to_numpy()\n'
                  "X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2%s)"
                  % (self.df, ", ".join('"%s"' % self.word() for _ in range(rng.randint(2, 8))), self.df, self.word(), seed))
        self.code("clf = RandomForestClassifier(n_estimators=%d, n_jobs=-1%s)\nclf.fit(X_train, y_train)\n"
                  "print(accuracy_score(y_test, clf.predict(X_test)))" % (rng.choice([50, 100, 200, 500]), seed),
                  [self.stream("%.4f\n" % rng.random())])

    def helpers(self):
        rng = self.rng
        name = self.ident()
        text = ["def %s(values, threshold=%s, **kwargs):" % (name, self.number()),
                '    """Normalise %s and drop outliers (%s)."""' % (self.word(), rng.choice(UNICODE_BITS)),
                "    cleaned = [v for v in values if v is not None and abs(v) < threshold]",
                "    if not cleaned:",
                "        raise ValueError(f\"no values under {threshold}\")",
                "    lo, hi = min(cleaned), max(cleaned)",
                "    try:",
                "        return {i: (v - lo) / (hi - lo) for i, v in enumerate(cleaned)}",
                "    except ZeroDivisionError:",
                "        return dict.fromkeys(range(len(cleaned)), 0.0)",
                "",
                "",
                "%s_result = %s(%s[\"%s\"].tolist())" % (name, name, self.df, self.word())]
        if rng.random() < 0.3:
            text += ["", "lookup = lambda key, default=None: globals().get(key, default)",
                     "async def fetch(session, url):", "    async with session.get(url) as r:",
                     "        return await r.json()"]
        self.code("\n".join(text))

    def magic_assortment(self):
        rng = self.rng
        forms = [
            "%env CUDA_VISIBLE_DEVICES=0",
            "%cd /content/drive/MyDrive/project",
            "%%bash\nset -e\nls -la\nwc -l data/*.csv",
            "%%writefile config.json\n{\"lr\": 0.001, \"epochs\": 3}",
            "%store -r " + self.ident(),
            "%run helpers.py",
            "%pip install -U " + rng.choice(PACKAGES),
            "%time y = [x ** 2 for x in range(10_000)]",
            "%%capture\n!wget -q https://example.org/weights.bin",
            "np.random.seed??",
            "!nvidia-smi",
            "%who",
            "!git clone https://github.com/%s/%s.git" % (rng.choice(USERS), self.word()),
            "%config InlineBackend.figure_format = 'retina'",
            "%%html\n<b>%s</b>" % self.word(),
        ]
        self.code(rng.choice(forms))

    def randomness(self):
        rng = self.rng
        forms = ["idx = np.random.permutation(len(%s))" % self.df,
                 "torch.manual_seed(%d)\nnp.random.seed(%d)" % (rng.randint(0, 9999), rng.randint(0, 9999)),
                 "import random\nrandom.shuffle(%s)" % self.ident(),
                 "from datetime import datetime\nrun_name = f\"run-{datetime.now():%%Y%%m%%d-%%H%%M}\"",
                 "subset = %s.sample(n=%d)" % (self.df, rng.randint(10, 5000))]
        self.code(rng.choice(forms))

    def broken(self):
        forms = ["for i in range(10)\n    print(i)",
                 "x = (1, 2,\ny = 3",
                 "print 'legacy python 2'",
                 "def f(:\n    pass",
                 "if x:\nprint(x)",
                 "result = %s.apply(lambda r: r[\"a\"] +)" % self.df]
        self.code(self.rng.choice(forms), [self.traceback()] if self.rng.random() < 0.5 else [])

    # ------------------------------------------------------------------ whole notebook

    def build(self):
        rng = self.rng
        self.md("# %s %s\n\n%s notebook by %s. %s" % (self.word().title(), rng.choice(["analysis", "fine-tune",
                "experiment", "baseline"]), rng.choice(UNICODE_BITS), rng.choice(USERS),
                " ".join(self.word() for _ in range(rng.randint(10, 80)))))
        self.setup()
        self.load_data()
        shapes = [(self.explore, 30), (self.hyperparameters, 5), (self.torch_model, 4), (self.training_loop, 5),
                  (self.huggingface, 3), (self.sklearn, 4), (self.helpers, 8), (self.magic_assortment, 10),
                  (self.randomness, 6), (self.broken, 1), (self.markdown, 20)]
        funcs = [s for s, w in shapes for _ in range(w)]
        for _ in range(int(rng.lognormvariate(3.0, 0.6))):
            rng.choice(funcs)()
        if rng.random() < 0.3:
            self.code("", executed=False)
        return {"cells": self.cells,
                "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                             "language_info": {"name": "python", "version": "3.%d.%d" % (rng.randint(8, 12), rng.randint(0, 9))}},
                "nbformat": 4, "nbformat_minor": rng.choice([4, 5])}

    def markdown(self):
        rng = self.rng
        text = "## %s\n\n%s" % (self.word().title(), " ".join(
            rng.choice(WORDS + UNICODE_BITS + ["`%s`" % self.ident(), "**%s**" % self.word()])
            for _ in range(rng.randint(5, 120))))
        if rng.random() < 0.2:
            text += "\n\n$$\\mathcal{L} = -\\sum_i y_i \\log \\hat{y}_i$$"
        self.md(text)


def lines(text):
    """nbformat's multiline string: a list of lines, each but the last ending in a newline."""
    if not text:
        return []
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def notebook_bytes(seed, index):
    rng = random.Random("%d:%d" % (seed, index))
    nb = Notebook(rng, index).build()
    return (json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, required=True, help="notebooks to write")
    parser.add_argument("--out", required=True, help="folder to write them under (created)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    args = parser.parse_args(argv)
    total = 0
    for i in range(args.count):
        folder = os.path.join(args.out, "part-%03d" % (i // 500))
        os.makedirs(folder, exist_ok=True)
        data = notebook_bytes(args.seed, i)
        with open(os.path.join(folder, "nb-%05d.ipynb" % i), "wb") as f:
            f.write(data)
        total += len(data)
    print("%d notebooks, %.1f MB, in %s" % (args.count, total / 1e6, args.out))


if __name__ == "__main__":
    main(sys.argv[1:])
