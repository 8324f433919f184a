#!/usr/bin/env python3
"""Finds every way of writing a file in core/, app/ and ui/ outside the program's writers, and
exits 1 listing them.

Every file the program writes goes through one of two writers, which write a temporary file in
the target's folder, flush it and rename it over the target, so that a failed write leaves the old
file untouched and no temporary behind:

  core/util/atomic_file.{h,cpp}   AtomicFile, writeFileAtomically, writeFilesAtomically
  QSaveFile                       Qt's equivalent, which the GUI's writer in ui/common is built on

What counts as another way of writing: std::ofstream and std::fstream, fopen with a mode that
writes, POSIX open() with a flag that writes, creat(), ::write and fwrite, fprintf/fputs to a
FILE* that is not stdout or stderr, std::filesystem::copy/copy_file/rename/resize_file,
std::rename, QFile (or QTemporaryFile) opened with WriteOnly, ReadWrite, Append or Truncate,
QFile::copy/rename, QImage/QPixmap::save to a file name, QCustomPlot's savePng/savePdf/saveJpg/
saveBmp/saveRastered, QSvgGenerator::setFileName, QPdfWriter built on a file name, and a QSettings
object (which writes its own file). Code inside comments and string literals does not count (the
PyTorch export writes Python that opens files).

Usage: check_write_paths.py SOURCE_ROOT
"""

import os
import re
import sys

FOLDERS = ("core", "app", "ui")

# The writers themselves: the only files that may write with the standard library's primitives.
WRITERS = {
    "core/util/atomic_file.cpp": "the core's writer (temporary file, fsync, rename)",
    "ui/common/app_settings.h": "QSettings on a private copy in the temporary folder; the "
                                "settings file itself is written by AppSettings::sync through "
                                "PlotExport::saveFile",
    "ui/common/app_settings.cpp": "a read-only QSettings that checks the private copy before "
                                  "it is put in place, and the copy itself (a temporary file)",
}

# Lines that write, but not to a file. Each entry: (file, pattern of the line, why it is fine).
NOT_FILES = [
    ("ui/network/training_worker.cpp", r"::write\(fd, &byte, 1\)",
     "one byte into the pipe that wakes the GUI thread; no file"),
]

# KNOWN, BEING MOVED (temporary). GUI files that still write directly; the GUI's writer in
# ui/common (on QSaveFile) replaces them. Entries are removed as the files move, and an entry
# whose file no longer writes directly makes this check fail until it is removed.
KNOWN_BEING_MOVED = {
}

# (what, pattern) checked on each line with comments and string literals blanked out.
PATTERNS = [
    ("std::ofstream / std::fstream", re.compile(r"\b(basic_)?(o?fstream|wofstream)\b")),
    ("POSIX open() with a flag that writes", re.compile(r"\bopen\s*\([^;]*\bO_(WRONLY|RDWR|CREAT|APPEND|TRUNC)\b")),
    ("creat()", re.compile(r"(?<![\w.>])creat\s*\(")),
    ("::write", re.compile(r"(?<![\w.>])::write\s*\(|(?<![\w.>:])write\s*\(\s*\w+\s*,\s*[&\w]")),
    ("fwrite", re.compile(r"\bfwrite\s*\(")),
    ("fprintf/fputs/fputc to a file", re.compile(
        r"\bf(printf|puts|putc)\s*\((?![^;]*\b(stdout|stderr)\b)")),
    ("std::filesystem copy, rename or resize", re.compile(
        r"\b(fs|filesystem)::(copy|copy_file|copy_symlink|rename|resize_file)\s*\(")),
    ("std::rename", re.compile(r"(?<![\w.>:])(std::)?rename\s*\(")),
    ("QFile::copy / QFile::rename", re.compile(r"\bQ(File|Dir)::(copy|rename)\s*\(")),
    ("QCustomPlot save to a file", re.compile(r"\bsave(Png|Pdf|Jpg|Bmp|Rastered)\s*\(")),
    ("QImage/QPixmap::save to a file name", re.compile(r"\.save\s*\(\s*(?!&)(?!\))[^)]")),
    ("QPdfWriter on a file name", re.compile(r"\bQPdfWriter\s+\w+\s*\(\s*(?!&)")),
    ("QSettings writes its own file", re.compile(r"\bQSettings\s+[A-Za-z_]\w*\s*[;({=]")),
    ("tmpfile/mkstemp", re.compile(r"\b(tmpfile|mkstemp)\s*\(")),
]
FOPEN = re.compile(r'\bfopen\s*\([^;]*?,\s*"([^"]*)"')
# obj.open(...WriteOnly...) and obj.setFileName(...): fine when obj is a QSaveFile or a QBuffer.
OPEN_FOR_WRITING = re.compile(
    r"(\w+)\s*(\.|->)\s*open\s*\([^;]*\b(WriteOnly|ReadWrite|Append|Truncate)\b")
SET_FILE_NAME = re.compile(r"(\w+)\s*(\.|->)\s*setFileName\s*\(")
DECLARATION = r"\b(Q\w+)\s*[*&]?\s*{name}\b\s*[({{;=]"
ALLOWED_TYPES = {"QSaveFile", "QBuffer"}


def blank_comments_and_strings(text):
    """The text with comments and the insides of string and character literals replaced by
    spaces (newlines kept), so that line numbers stay right."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == 'R' and text.startswith('R"', i):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if not m:
                out.append(c)
                i += 1
                continue
            end = text.find(")" + m.group(1) + '"', i)
            end = n if end < 0 else end + len(m.group(1)) + 2
            out.append('R""' + re.sub(r"[^\n]", " ", text[i + 3:end]))
            i = end
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + " " * (min(j, n) - i - 1) + (c if j < n else ""))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def declared_type(code_lines, number, name):
    """The Qt type of the nearest declaration of `name` at or above line `number`."""
    declaration = re.compile(DECLARATION.format(name=re.escape(name)))
    for line in reversed(code_lines[:number]):
        m = declaration.search(line)
        if m:
            return m.group(1)
    return None


def findings(path, raw):
    """(line, what) for every way of writing in one file."""
    code = blank_comments_and_strings(raw)
    code_lines = code.split("\n")
    raw_lines = raw.split("\n")
    found = []
    for number, line in enumerate(code_lines, 1):
        if line.lstrip().startswith("#"):
            continue  # #include <fstream> writes nothing
        for what, pattern in PATTERNS:
            if pattern.search(line):
                found.append((number, what))
        m = FOPEN.search(raw_lines[number - 1])
        if m and "fopen" in line and re.search(r"[wa+]", m.group(1)):
            found.append((number, 'fopen with mode "%s"' % m.group(1)))
        elif "fopen" in line and not m:
            found.append((number, "fopen with a mode that is not a literal"))
        for pattern, what in ((OPEN_FOR_WRITING, "a file opened for writing"),
                              (SET_FILE_NAME, "setFileName (a generator or file writing there)")):
            for m in pattern.finditer(line):
                kind = declared_type(code_lines, number, m.group(1))
                if kind not in ALLOWED_TYPES:
                    found.append((number, "%s (%s %s)" % (what, kind or "object", m.group(1))))
    allowed = [(re.compile(p), why) for f, p, why in NOT_FILES if f == path]
    return [(n, w) for n, w in found
            if not any(p.search(raw_lines[n - 1]) for p, _ in allowed)]


# Each sample must be found (True) or not (False): the check checks itself first.
SELF_TEST = [
    ('std::ofstream out(path);', True),
    ('std::fstream f(path, std::ios::in | std::ios::out);', True),
    ('std::ifstream in(path);', False),
    ('#include <fstream>', False),
    ('FILE* f = std::fopen(path.c_str(), "wb");', True),
    ('FILE* f = fopen(name, "a");', True),
    ('FILE* f = std::fopen(p.c_str(), "rb");', False),
    ('int fd = ::open(path, O_WRONLY | O_CREAT, 0644);', True),
    ('int fd = open(path, O_RDONLY);', False),
    ('::write(fd, data, size);', True),
    ('std::fwrite(data, 1, n, f);', True),
    ('std::fprintf(f, "%d", 1);', True),
    ('std::fprintf(stderr, "%d", 1);', False),
    ('fs::copy_file(a, b);', True),
    ('std::filesystem::rename(a, b);', True),
    ('std::rename(a, b);', True),
    ('QFile file(path);\nfile.open(QIODevice::WriteOnly | QIODevice::Truncate);', True),
    ('QFile file(path);\nfile.open(QIODevice::ReadOnly);', False),
    ('QSaveFile file(path);\nfile.open(QIODevice::WriteOnly);', False),
    ('QBuffer buffer(&bytes);\nbuffer.open(QIODevice::WriteOnly);', False),
    ('QFile::copy(a, b);', True),
    ('plot->savePng(path, w, h);', True),
    ('image.save(path, "PNG");', True),
    ('image.save(&buffer, "PNG");', False),
    ('painter.save();', False),
    ('QSvgGenerator svg;\nsvg.setFileName(path);', True),
    ('QPdfWriter pdf(path);', True),
    ('QPdfWriter pdf(&buffer);', False),
    ('QSettings m_settings;', True),
    ('void read(const QSettings& settings);', False),
    ('// std::ofstream in a comment', False),
    ('const char* code = "with open(f, \'w\') as out: std::ofstream";', False),
]


def self_test():
    failures = []
    for sample, expected in SELF_TEST:
        if bool(findings("sample.cpp", sample)) != expected:
            failures.append("%s: %s" % ("missed" if expected else "wrongly found", sample))
    return failures


def sources(root):
    for folder in FOLDERS:
        for directory, _, names in os.walk(os.path.join(root, folder)):
            for name in sorted(names):
                if name.endswith((".h", ".cpp")):
                    full = os.path.join(directory, name)
                    yield os.path.relpath(full, root).replace(os.sep, "/"), full


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.dirname(os.path.abspath(__file__)))
    broken = self_test()
    if broken:
        print("the check itself is broken:")
        for b in broken:
            print("  " + b)
        return 1
    problems, known, moved, count = [], [], [], 0
    seen_known = set()
    for relative, full in sources(root):
        count += 1
        if relative in WRITERS:
            continue
        with open(full, encoding="utf-8") as f:
            found = findings(relative, f.read())
        if relative in KNOWN_BEING_MOVED:
            seen_known.add(relative)
            if found:
                known += ["%s:%d: %s" % (relative, n, w) for n, w in found]
            else:
                moved.append(relative)
            continue
        problems += ["%s:%d: %s" % (relative, n, w) for n, w in found]
    missing = sorted(set(KNOWN_BEING_MOVED) - seen_known)
    if known:
        print("known, being moved to the GUI's writer (%d):" % len(known))
        for k in known:
            print("  " + k)
    status = 0
    if problems:
        print("files written outside the writers (core/util/atomic_file, QSaveFile):")
        for p in problems:
            print("  " + p)
        status = 1
    for m in moved + missing:
        print("%s no longer writes directly: remove it from KNOWN_BEING_MOVED" % m)
        status = 1
    if status == 0:
        print("every file write in %d files of core/, app/ and ui/ goes through the writers"
              % count)
    return status


if __name__ == "__main__":
    sys.exit(main())
