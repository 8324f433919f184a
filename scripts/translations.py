#!/usr/bin/env python3
"""Checks and fills the Qt Linguist translations of Activation Lab (resources/translations/*.ts).

The .ts files are the source of truth. scripts/update-translations.sh refreshes them from the
sources with lupdate; this tool lists what is left to translate, writes translations into a .ts
from a JSON file, and checks that a .ts is complete and consistent with the sources (the test
`translations_complete` runs `check`).

  translations.py todo  [TS]               unfinished messages as JSON, to fill in
  translations.py apply FILE.json [TS]     write translations from FILE.json, marked finished
  translations.py check [--lupdate PATH] [TS]
  translations.py stats [TS...]

TS defaults to resources/translations/activation_lab_zh_CN.ts. FILE.json is either the list that
`todo` prints, with "translation" filled in ({"context": ..., "source": ..., "translation": ...};
"context" may be left out to match every context), or a plain object {source: translation}.
A numerus (%n) message takes one string per plural form of the language; Chinese has one, so a
plain string is fine.

`check` fails, listing each problem, when
  - the sources have tr() strings that the .ts lacks, or the .ts has strings the sources no longer
    have (lupdate is run on a temporary copy, exactly as update-translations.sh runs it);
  - a message is unfinished or empty;
  - a translation loses or adds a placeholder (%1, %n), the keyboard accelerator (&F) or HTML tags;
  - lupdate gave a message a context that tr() does not use at run time (its parser loses track
    of the namespace after a qualified name it does not know, e.g. `nn::Foo f() { X::tr(...) }`
    in a namespace; such a message would never be translated);
  - a tr() literal has a \\u escape followed by another hex digit ("\\u22126"), which lupdate
    reads differently from the compiler, so the message would not be found.
Only the Python standard library is used.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_TS = os.path.join(ROOT, "resources", "translations", "activation_lab_zh_CN.ts")
SOURCE_DIRS = ("ui", "app")  # as in update-translations.sh


# --- reading and writing .ts files -------------------------------------------------------------


def load(path):
    return ET.parse(path)


def messages(tree):
    """Yields (context name, message element) for every message that is not obsolete."""
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if kind in ("obsolete", "vanished"):
                continue
            yield name, message


def key(context, message):
    return (context, message.findtext("source") or "", message.findtext("comment") or "")


def translations_of(message):
    """The translated forms: one string, or one per plural form for numerus messages."""
    translation = message.find("translation")
    if translation is None:
        return []
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.findall("numerusform")]
    return [translation.text or ""]


def is_finished(message):
    translation = message.find("translation")
    return translation is not None and translation.get("type") is None


def save(tree, path, lconvert=None):
    """Writes the tree and lets lconvert give it the layout lupdate writes (small diffs)."""
    tree.write(path, encoding="utf-8", xml_declaration=True)
    lconvert = lconvert or find_tool("lconvert")
    if lconvert:
        subprocess.run([lconvert, "-i", path, "-o", path], check=True)
    else:  # still valid, only laid out differently
        print("translations: lconvert not found; the file is not in lupdate's layout",
              file=sys.stderr)


def find_tool(name, given=None):
    if given:
        return given
    for candidate in ("/usr/lib/qt6/bin/" + name, shutil.which(name + "6"), shutil.which(name)):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def plural_forms(tree):
    """How many plural forms the .ts language has (Chinese, Japanese, Korean: one)."""
    lang = (tree.getroot().get("language") or "").split("_")[0]
    return 1 if lang in ("zh", "ja", "ko", "vi", "th", "id", "ms") else 2


# --- the consistency checks of one message -----------------------------------------------------

PLACEHOLDER = re.compile(r"%(?:n|L?\d{1,2})")
TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^>]*>")
FILTER = re.compile(r"\(\*[^()]*\)")  # "(*.png)" of a file-dialog filter: Qt parses it


def accelerator(text):
    """The accelerator key of a menu text ("&File" -> "F"), or None; "&&" is a literal &."""
    match = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
    return match.group(1).upper() if match else None


def message_problems(source, translation):
    problems = []
    if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
        problems.append("placeholders differ: %s vs %s" % (
            " ".join(sorted(set(PLACEHOLDER.findall(source)))) or "none",
            " ".join(sorted(set(PLACEHOLDER.findall(translation)))) or "none"))
    key_source, key_translation = accelerator(source), accelerator(translation)
    if key_source and key_source != key_translation:
        problems.append("accelerator &%s missing (write it as (&%s) after the Chinese text)"
                        % (key_source, key_source))
    if sorted(TAG.findall(source)) != sorted(TAG.findall(translation)):
        problems.append("HTML tags differ")
    if FILTER.findall(source) != FILTER.findall(translation):
        problems.append("file-dialog patterns differ (keep \"(*.ext)\" with ASCII parentheses)")
    if source.count("[*]") != translation.count("[*]"):
        problems.append("the window-modified mark [*] is missing")
    if source.endswith("\n") != translation.endswith("\n"):
        problems.append("trailing line break differs")
    return problems


# --- what the sources say ----------------------------------------------------------------------

def source_files():
    for directory in SOURCE_DIRS:
        for base, _, names in os.walk(os.path.join(ROOT, directory)):
            for name in sorted(names):
                if name.endswith((".cpp", ".h")):
                    yield os.path.join(base, name)


def strip_comments(text):
    """C++ text with comments blanked out, string and character literals kept."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
            out.append(" ")
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


TR_CALL = re.compile(r"\b(?:tr|translate|QT_TR_NOOP|QT_TRANSLATE_NOOP|qtTrId)\s*\(")
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def literal_arguments(text, start):
    """The string literals among the arguments of the call whose '(' ends at `start`."""
    depth, i, literals = 1, start, []
    while i < len(text) and depth:
        c = text[i]
        if c == '"':
            match = LITERAL.match(text, i)
            if not match:
                break
            literals.append(match.group(1))
            i = match.end()
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        i += 1
    return literals


def source_facts():
    """The contexts tr() uses at run time and the tr() literals lupdate misreads.

    Run-time contexts: the fully qualified name of every Q_OBJECT class (the namespace blocks
    around it plus enclosing classes), every Q_DECLARE_TR_FUNCTIONS(name) and every literal
    translate("context", ...)."""
    contexts, misread = set(), []
    for path in source_files():
        with open(path, encoding="utf-8") as f:
            text = strip_comments(f.read())
        # Braces inside string and character literals must not count.
        code = re.sub(r"'(?:[^'\\\n]|\\[^']{1,8})'", "''", LITERAL.sub('""', text))
        rel = os.path.relpath(path, ROOT)
        contexts.update(re.findall(r"Q_DECLARE_TR_FUNCTIONS\s*\(\s*([\w:]+)\s*\)", text))
        contexts.update(re.findall(r"\btranslate\s*\(\s*\"([^\"]+)\"", text))
        # Namespaces and classes by brace depth; a Q_OBJECT names the innermost class.
        scopes, depth = [], 0
        for token in re.finditer(
                r"\bnamespace\s+([\w:]*)\s*\{|\b(?:class|struct)\s+(?:\w+\s+)*?(\w+)\s*"
                r"(?:final\s*)?(?::[^;{()]*)?\{|\{|\}|\bQ_OBJECT\b|\bQ_GADGET\b", code):
            s = token.group(0)
            if s == "}":
                depth -= 1
                while scopes and scopes[-1][0] > depth:
                    scopes.pop()
            elif s in ("Q_OBJECT", "Q_GADGET"):
                names = [name for _, name, _ in scopes if name]
                if scopes and scopes[-1][2] == "class":
                    contexts.add("::".join(names))
            elif s.startswith("namespace"):
                depth += 1
                scopes.append((depth, token.group(1), "namespace"))
            elif s == "{":
                depth += 1
            else:
                depth += 1
                scopes.append((depth, token.group(2), "class"))
        for call in TR_CALL.finditer(text):
            line = text.count("\n", 0, call.start()) + 1
            for literal in literal_arguments(text, call.end()):
                if re.search(r"\\u[0-9A-Fa-f]{5}|\\U[0-9A-Fa-f]{9}", literal):
                    misread.append("%s:%d: \"%s\": write the escape's following hex digit as a "
                                   "separate literal (\"\\u2212\" \"1\")" % (rel, line, literal))
    return contexts, misread


def fresh_keys(ts_path, lupdate):
    """The messages lupdate finds in the sources now, from a temporary copy of the .ts."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, os.path.basename(ts_path))
        shutil.copyfile(ts_path, copy)
        env = dict(os.environ, LUPDATE=lupdate)
        result = subprocess.run([os.path.join(ROOT, "scripts", "update-translations.sh"), copy],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                universal_newlines=True)
        if result.returncode != 0:
            print(result.stdout, file=sys.stderr)
            raise SystemExit("translations: lupdate failed")
        return {key(c, m) for c, m in messages(load(copy))}


# --- commands ----------------------------------------------------------------------------------

def shown(path):
    """A path as messages show it: relative to the repository when inside it."""
    rel = os.path.relpath(path, ROOT)
    return path if rel.startswith("..") else rel


def describe(k):
    context, source, comment = k
    return "[%s] %s%s" % (context, json.dumps(source, ensure_ascii=False),
                          " (comment: %s)" % comment if comment else "")


def cmd_check(args):
    tree = load(args.ts)
    problems = []

    lupdate = find_tool("lupdate", args.lupdate)
    if lupdate:
        committed = {key(c, m) for c, m in messages(tree)}
        fresh = fresh_keys(args.ts, lupdate)
        for k in sorted(fresh - committed):
            problems.append("not in the .ts (run scripts/update-translations.sh): " + describe(k))
        for k in sorted(committed - fresh):
            problems.append("no longer in the sources (run scripts/update-translations.sh): "
                            + describe(k))
    elif not args.allow_no_lupdate:
        problems.append("lupdate not found (Debian: qt6-l10n-tools); pass --lupdate PATH")

    contexts, misread = source_facts()
    problems += misread
    forms = plural_forms(tree)
    for context, message in messages(tree):
        k = key(context, message)
        if context not in contexts:
            problems.append("context %s is not a tr() context at run time (lupdate misparsed the "
                            "code around it; qualify the call or use QCoreApplication::translate"
                            "(\"%s\", ...)): %s" % (context, "actlab::ui::...", describe(k)))
        texts = translations_of(message)
        if not is_finished(message) or not texts or not all(t.strip() for t in texts):
            problems.append("untranslated: " + describe(k))
            continue
        if message.get("numerus") == "yes" and len(texts) != forms:
            problems.append("needs %d plural form(s), has %d: %s" % (forms, len(texts),
                                                                    describe(k)))
        for text in texts:
            for problem in message_problems(k[1], text):
                problems.append("%s: %s -> %s" % (problem, describe(k),
                                                  json.dumps(text, ensure_ascii=False)))

    total = sum(1 for _ in messages(tree))
    if problems:
        for problem in problems:
            print(problem)
        print("%s: %d problem(s) in %d messages" % (shown(args.ts), len(problems), total))
        return 1
    print("%s: all %d messages translated and up to date" % (shown(args.ts), total))
    return 0


def cmd_todo(args):
    tree = load(args.ts)
    todo = []
    for context, message in messages(tree):
        if is_finished(message) and all(t.strip() for t in translations_of(message)):
            continue
        entry = {"context": context, "source": message.findtext("source") or ""}
        if message.findtext("comment"):
            entry["comment"] = message.findtext("comment")
        if message.findtext("extracomment"):
            entry["note"] = message.findtext("extracomment")
        guess = [t for t in translations_of(message) if t]
        if message.get("numerus") == "yes":
            entry["numerus"] = True
        entry["translation"] = guess[0] if len(guess) == 1 else (guess or "")
        todo.append(entry)
    json.dump(todo, sys.stdout, ensure_ascii=False, indent=2)
    print()
    print("%d message(s) to translate" % len(todo), file=sys.stderr)
    return 0


def cmd_apply(args):
    with open(args.file, encoding="utf-8") as f:
        data = json.load(f)
    if isinstance(data, dict):
        data = [{"source": s, "translation": t} for s, t in data.items()]
    by_context, anywhere = {}, {}
    for entry in data:
        if not entry.get("translation"):
            continue
        if entry.get("context"):
            by_context[(entry["context"], entry["source"])] = entry["translation"]
        else:
            anywhere[entry["source"]] = entry["translation"]

    tree = load(args.ts)
    forms = plural_forms(tree)
    written, bad = 0, []
    for context, message in messages(tree):
        source = message.findtext("source") or ""
        text = by_context.get((context, source), anywhere.get(source))
        if text is None:
            continue
        if is_finished(message) and not args.overwrite and all(translations_of(message)):
            continue
        texts = text if isinstance(text, list) else [text] * (
            forms if message.get("numerus") == "yes" else 1)
        for t in texts:
            bad += ["%s: %s" % (p, describe(key(context, message)))
                    for p in message_problems(source, t)]
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            translation.text = None
            for t in texts:
                ET.SubElement(translation, "numerusform").text = t
        else:
            translation.text = texts[0]
        written += 1
    save(tree, args.ts)
    for problem in bad:
        print("warning: " + problem, file=sys.stderr)
    left = sum(1 for _, m in messages(tree) if not is_finished(m))
    print("%s: %d translation(s) written, %d message(s) left unfinished"
          % (shown(args.ts), written, left))
    return 0


def cmd_stats(args):
    for path in args.ts or [DEFAULT_TS]:
        all_messages = list(messages(load(path)))
        done = sum(1 for _, m in all_messages
                   if is_finished(m) and all(t.strip() for t in translations_of(m)))
        print("%s: %d of %d messages translated" % (shown(path), done, len(all_messages)))
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="fail on missing, unfinished or broken translations")
    check.add_argument("--lupdate", help="the lupdate program (default: Qt 6's)")
    check.add_argument("--allow-no-lupdate", action="store_true",
                       help="skip the comparison with the sources when lupdate is missing")
    check.add_argument("ts", nargs="?", default=DEFAULT_TS)
    todo = sub.add_parser("todo", help="print the unfinished messages as JSON")
    todo.add_argument("ts", nargs="?", default=DEFAULT_TS)
    apply = sub.add_parser("apply", help="write translations from a JSON file")
    apply.add_argument("file")
    apply.add_argument("ts", nargs="?", default=DEFAULT_TS)
    apply.add_argument("--overwrite", action="store_true",
                       help="replace finished translations too")
    stats = sub.add_parser("stats", help="count translated messages")
    stats.add_argument("ts", nargs="*")
    args = parser.parse_args()
    return {"check": cmd_check, "todo": cmd_todo, "apply": cmd_apply,
            "stats": cmd_stats}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
