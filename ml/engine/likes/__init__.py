"""Like prediction for planned Instagram posts: image, caption, timing and account-context features, a small
Keras-trained regressor of log-likes relative to the account's own baseline, served by a NumPy forward pass.

Pure Python (NumPy, OpenCV, sentence-transformers, TensorFlow only for training); no Django imports.
"""
