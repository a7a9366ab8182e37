#!/usr/bin/env python3
"""Writes the ZIP fixtures of ZipArchiveTests with Python's zipfile and zlib (an implementation
independent of kyodo's), and beside them the plain bytes each member must inflate to."""
import random, zipfile, zlib, os
os.chdir(os.path.dirname(os.path.abspath(__file__)))
rng = random.Random(20261201)
words = ["協働", "事業", "市民", "自治会", "ＮＰＯ法人", "①１，１８０千円", "平成１７年", "\t", "\r\n", "<row r=\"12\">", "</c>"]
text = "".join(rng.choice(words) + str(rng.randrange(1000)) for _ in range(10000)).encode()
noise = bytes(rng.randrange(256) for _ in range(30000))
open("text.txt", "wb").write(text)
open("noise.bin", "wb").write(noise)
with zipfile.ZipFile("members.zip", "w") as z:
    z.writestr(zipfile.ZipInfo("xl/text.xml"), text, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    z.writestr(zipfile.ZipInfo("xl/noise.bin"), noise, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    z.writestr(zipfile.ZipInfo("stored.txt"), text[:5000], compress_type=zipfile.ZIP_STORED)
    z.writestr(zipfile.ZipInfo("tiny.txt"), b"a", compress_type=zipfile.ZIP_DEFLATED)
    z.writestr(zipfile.ZipInfo("empty.txt"), b"", compress_type=zipfile.ZIP_DEFLATED)
    z.comment = b"a comment at the end"

def zip64(name, data):
    """An archive whose central directory gives the sizes and offset in a ZIP64 extra field and
    ends with a ZIP64 end record (APPNOTE 4.3.14, 4.3.15, 4.5.3), written by hand with struct."""
    import struct
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = compressor.compress(data) + compressor.flush()
    crc, name = zlib.crc32(data), name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, 8, 0, 0, crc, len(packed), len(data), len(name), 0)
    extra = struct.pack("<HHQQQ", 1, 24, len(data), len(packed), 0)
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, 8, 0, 0, crc, 0xFFFFFFFF, 0xFFFFFFFF,
                          len(name), len(extra), 0, 0, 0, 0, 0xFFFFFFFF) + name + extra
    start = len(local) + len(name) + len(packed)
    end64 = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, 1, 1, len(central), start)
    locator = struct.pack("<IIQI", 0x07064B50, 0, start + len(central), 1)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return local + name + packed + central + end64 + locator + end
open("zip64.zip", "wb").write(zip64("xl/text.xml", text))
# A raw DEFLATE stream of fixed Huffman codes only (zlib's Z_FIXED strategy).
compressor = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_FIXED)
open("fixed.deflate", "wb").write(compressor.compress(text[:20000]) + compressor.flush())
