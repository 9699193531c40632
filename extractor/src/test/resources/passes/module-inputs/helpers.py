import glob

import pandas as pd

DATA = "data"


def load_train():
    return pd.read_csv("data/x.csv")


def load_labels():
    return pd.read_csv(DATA + "/labels.csv")


def load_parts():
    return [pd.read_csv(f) for f in sorted(glob.glob("data/part-*.csv"))]


def load(path):
    return pd.read_csv(path)
