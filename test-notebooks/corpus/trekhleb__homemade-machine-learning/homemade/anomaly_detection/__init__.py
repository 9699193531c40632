"""Anomaly Detection Module"""

from .gaussian_anomaly_detection import GaussianAnomalyDetection
