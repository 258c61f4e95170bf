"""The like trainer sets TensorFlow's thread pools; in a worker where TensorFlow already ran (an audit's Keras net
before the weekly retraining) they are fixed, and training must go on rather than fail. Checked in a fresh
interpreter, since this test process may have started TensorFlow already."""

from __future__ import annotations

import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.slow

SCENARIO = """
import tensorflow as tf
from ml.engine.likes.training import _configure_tensorflow
tf.config.threading.set_inter_op_parallelism_threads(3)  # as another caller might (any value but the trainer's)
_ = tf.constant([1.0]) + 1.0  # the runtime starts: its thread pools are fixed from here on
keras = _configure_tensorflow(7)
print(keras.backend.backend(), tf.config.threading.get_inter_op_parallelism_threads())
"""


def test_training_configures_tensorflow_even_after_it_already_ran_with_other_threads():
    result = subprocess.run(
        [sys.executable, "-c", SCENARIO], cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split()[-2:] == ["tensorflow", "3"]
