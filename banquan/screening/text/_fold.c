/*
 * The screening engine's hot loop: fold a text into the symbol stream that the matcher
 * reads, and remember where in the ORIGINAL text each symbol came from.
 *
 * fold(text, table, pool, sounds) -> (symbols: str, tokens: str, starts: bytes, ends: bytes)
 *
 *   table  one uint32 per code point below len(table)/4:
 *            0            the character is a separator and is skipped;
 *            MULTI bit    (count << 24 | offset) into pool: several symbols;
 *            otherwise    the single symbol.
 *          Code points past the table pass through unchanged.
 *   sounds one uint32 per folded symbol: its syllable token, or 0 to keep the symbol.
 *   tokens the symbols with Han characters replaced by syllable tokens (same length).
 *   starts, ends  int32 per symbol: the original character span [start, end) it covers.
 *
 * Also skipped: HTML tags ("<p>", "</span>", "<br/>") and character references ("&nbsp;",
 * "&#20013;"). A symbol equal to the one before it (separators in between allowed) is a
 * repeat and only widens the previous symbol's span, except digits, whose repeats carry
 * meaning (1000 is not 10).
 *
 * Written by hand because no library folds and keeps offsets in one pass; banquan keeps a
 * pure-Python twin (fold.py) with the same behaviour for machines without a C compiler.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

#define MULTI 0x80000000u
#define TAG_LIMIT 256
#define ENTITY_LIMIT 10

static int is_ascii_alpha(Py_UCS4 c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_ascii_alnum(Py_UCS4 c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }

/* Length of an HTML tag or character reference starting at i, or 0 if there is none. */
static Py_ssize_t markup_length(int kind, const void *data, Py_ssize_t n, Py_ssize_t i, Py_UCS4 c)
{
    if (c == '<' && i + 1 < n) {
        Py_UCS4 next = PyUnicode_READ(kind, data, i + 1);
        if (!(is_ascii_alpha(next) || next == '/' || next == '!'))
            return 0;
        Py_ssize_t limit = i + TAG_LIMIT < n ? i + TAG_LIMIT : n;
        for (Py_ssize_t j = i + 2; j < limit; j++) {
            Py_UCS4 d = PyUnicode_READ(kind, data, j);
            if (d == '>')
                return j - i + 1;
            if (d == '<')
                return 0;
        }
        return 0;
    }
    if (c == '&' && i + 2 < n) {
        Py_ssize_t limit = i + 2 + ENTITY_LIMIT < n ? i + 2 + ENTITY_LIMIT : n;
        for (Py_ssize_t j = i + 1; j < limit; j++) {
            Py_UCS4 d = PyUnicode_READ(kind, data, j);
            if (d == ';')
                return j > i + 1 ? j - i + 1 : 0;
            if (!(is_ascii_alnum(d) || (d == '#' && j == i + 1)))
                return 0;
        }
    }
    return 0;
}

typedef struct {
    Py_UCS4 *sym;
    int32_t *start, *end;
    Py_ssize_t len, cap;
} Stream;

static int stream_grow(Stream *s)
{
    Py_ssize_t cap = s->cap * 2 + 64;
    Py_UCS4 *sym = PyMem_Realloc(s->sym, cap * sizeof(Py_UCS4));
    if (!sym) return -1;
    s->sym = sym;
    int32_t *start = PyMem_Realloc(s->start, cap * sizeof(int32_t));
    if (!start) return -1;
    s->start = start;
    int32_t *end = PyMem_Realloc(s->end, cap * sizeof(int32_t));
    if (!end) return -1;
    s->end = end;
    s->cap = cap;
    return 0;
}

static inline int emit(Stream *s, Py_UCS4 sym, int32_t at)
{
    if (s->len > 0 && s->sym[s->len - 1] == sym && !(sym >= '0' && sym <= '9')) {
        s->end[s->len - 1] = at + 1; /* a repeat widens the previous symbol */
        return 0;
    }
    if (s->len == s->cap && stream_grow(s) < 0)
        return -1;
    s->sym[s->len] = sym;
    s->start[s->len] = at;
    s->end[s->len] = at + 1;
    s->len++;
    return 0;
}

static PyObject *fold(PyObject *self, PyObject *args)
{
    PyObject *text;
    Py_buffer table, pool, sounds;
    if (!PyArg_ParseTuple(args, "Uy*y*y*", &text, &table, &pool, &sounds))
        return NULL;
    const uint32_t *tab = table.buf, *extra = pool.buf, *snd = sounds.buf;
    Py_ssize_t tab_len = table.len / 4, pool_len = pool.len / 4, snd_len = sounds.len / 4;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *result = NULL;
    Stream s = {0};

    if (n > INT32_MAX) {
        PyErr_SetString(PyExc_ValueError, "text too long");
        goto done;
    }
    s.cap = n + 64;
    s.sym = PyMem_Malloc(s.cap * sizeof(Py_UCS4));
    s.start = PyMem_Malloc(s.cap * sizeof(int32_t));
    s.end = PyMem_Malloc(s.cap * sizeof(int32_t));
    if (!s.sym || !s.start || !s.end) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '<' || c == '&') {
            Py_ssize_t skip = markup_length(kind, data, n, i, c);
            if (skip) {
                i += skip - 1;
                continue;
            }
        }
        uint32_t v = c < (Py_UCS4)tab_len ? tab[c] : c;
        if (v == 0)
            continue;
        if (v & MULTI) {
            uint32_t count = (v >> 24) & 0x7F, offset = v & 0xFFFFFF;
            for (uint32_t k = 0; k < count && offset + k < (uint32_t)pool_len; k++)
                if (emit(&s, extra[offset + k], (int32_t)i) < 0) {
                    PyErr_NoMemory();
                    goto done;
                }
        } else if (emit(&s, v, (int32_t)i) < 0) {
            PyErr_NoMemory();
            goto done;
        }
    }
    {
        PyObject *sym = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, s.sym, s.len);
        for (Py_ssize_t k = 0; k < s.len; k++) {
            Py_UCS4 c = s.sym[k];
            if (c < (Py_UCS4)snd_len && snd[c])
                s.sym[k] = snd[c];
        }
        PyObject *tok = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, s.sym, s.len);
        PyObject *starts = PyBytes_FromStringAndSize((const char *)s.start, s.len * sizeof(int32_t));
        PyObject *ends = PyBytes_FromStringAndSize((const char *)s.end, s.len * sizeof(int32_t));
        if (sym && tok && starts && ends)
            result = PyTuple_Pack(4, sym, tok, starts, ends);
        Py_XDECREF(sym);
        Py_XDECREF(tok);
        Py_XDECREF(starts);
        Py_XDECREF(ends);
    }
done:
    PyMem_Free(s.sym);
    PyMem_Free(s.start);
    PyMem_Free(s.end);
    PyBuffer_Release(&table);
    PyBuffer_Release(&pool);
    PyBuffer_Release(&sounds);
    return result;
}

/*
 * verbatim(matches, text, starts, ends, terms, table, pool) -> (exact: bytes, rest: bytes)
 *
 * Sorts automaton matches (list of (start, end, pattern) in symbol indices) into those whose
 * original text is verbatim the term terms[pattern] (a str; None where the pattern needs
 * Python's checks) and stands on word boundaries, returned as int32 (pattern, start, end)
 * in ORIGINAL offsets, and the rest, returned as int32 (pattern, start, end) in symbol
 * indices. A verbatim match off a word boundary (av in have) is dropped. Most hits in real
 * text are verbatim; this keeps them out of the interpreter.
 */
enum { OTHER = 0, LATIN = 1, DIGIT = 2 };

/* Whether a character folds to a Latin letter, a digit, or something else (classify._class). */
static int char_class(Py_UCS4 c, const uint32_t *tab, Py_ssize_t tab_len, const uint32_t *pool, Py_ssize_t pool_len)
{
    uint32_t v = c < (Py_UCS4)tab_len ? tab[c] : c;
    if (v & MULTI) {
        uint32_t offset = v & 0xFFFFFF;
        v = (offset < (uint32_t)pool_len && ((v >> 24) & 0x7F)) ? pool[offset] : 0;
    }
    if (v >= 'a' && v <= 'z')
        return LATIN;
    if (v >= '0' && v <= '9')
        return DIGIT;
    return OTHER;
}
static int put3(PyObject **buf, Py_ssize_t *len, int32_t a, int32_t b, int32_t c)
{
    Py_ssize_t size = PyBytes_GET_SIZE(*buf);
    if ((*len + 3) * (Py_ssize_t)sizeof(int32_t) > size &&
        _PyBytes_Resize(buf, size * 2 + 3 * sizeof(int32_t) * 64) < 0)
        return -1;
    int32_t *out = (int32_t *)PyBytes_AS_STRING(*buf);
    out[(*len)++] = a;
    out[(*len)++] = b;
    out[(*len)++] = c;
    return 0;
}

static PyObject *verbatim(PyObject *self, PyObject *args)
{
    PyObject *matches, *text, *terms;
    Py_buffer sb, eb, tb, pb;
    if (!PyArg_ParseTuple(args, "O!Uy*y*O!y*y*", &PyList_Type, &matches, &text, &sb, &eb, &PyList_Type, &terms,
                          &tb, &pb))
        return NULL;
    const int32_t *starts = sb.buf, *ends = eb.buf;
    const uint32_t *tab = tb.buf, *pool = pb.buf;
    Py_ssize_t tab_len = tb.len / 4, pool_len = pb.len / 4;
    Py_ssize_t nsym = sb.len / 4, nterms = PyList_GET_SIZE(terms), n = PyList_GET_SIZE(matches);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t tlen = PyUnicode_GET_LENGTH(text), xl = 0, rl = 0;
    PyObject *exact = PyBytes_FromStringAndSize(NULL, 3 * sizeof(int32_t) * 64);
    PyObject *rest = PyBytes_FromStringAndSize(NULL, 3 * sizeof(int32_t) * 64);
    PyObject *result = NULL;
    if (!exact || !rest)
        goto done;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *m = PyList_GET_ITEM(matches, i);
        if (!PyTuple_Check(m) || PyTuple_GET_SIZE(m) != 3) {
            PyErr_SetString(PyExc_TypeError, "matches must be (start, end, pattern) tuples");
            goto done;
        }
        long s = PyLong_AsLong(PyTuple_GET_ITEM(m, 0)), e = PyLong_AsLong(PyTuple_GET_ITEM(m, 1));
        long p = PyLong_AsLong(PyTuple_GET_ITEM(m, 2));
        if (PyErr_Occurred())
            goto done;
        if (s < 0 || e <= s || e > nsym || p < 0 || p >= nterms) {
            PyErr_SetString(PyExc_ValueError, "match out of range");
            goto done;
        }
        PyObject *term = PyList_GET_ITEM(terms, p);
        int32_t start = starts[s], end = ends[e - 1];
        int same = 0;
        if (term != Py_None && PyUnicode_Check(term) && PyUnicode_GET_LENGTH(term) == end - start && end <= tlen) {
            int tk = PyUnicode_KIND(term);
            const void *td = PyUnicode_DATA(term);
            same = 1;
            for (Py_ssize_t k = 0; k < end - start; k++)
                if (PyUnicode_READ(tk, td, k) != PyUnicode_READ(kind, data, start + k)) {
                    same = 0;
                    break;
                }
        }
        if (same) {
            int first = char_class(PyUnicode_READ(kind, data, start), tab, tab_len, pool, pool_len);
            int last = char_class(PyUnicode_READ(kind, data, end - 1), tab, tab_len, pool, pool_len);
            if ((first && start > 0 &&
                 char_class(PyUnicode_READ(kind, data, start - 1), tab, tab_len, pool, pool_len) == first) ||
                (last && end < tlen &&
                 char_class(PyUnicode_READ(kind, data, end), tab, tab_len, pool, pool_len) == last))
                continue; /* inside a longer word or number */
        }
        if (same ? put3(&exact, &xl, (int32_t)p, start, end) : put3(&rest, &rl, (int32_t)p, (int32_t)s, (int32_t)e))
            goto done;
    }
    if (_PyBytes_Resize(&exact, xl * sizeof(int32_t)) < 0 || _PyBytes_Resize(&rest, rl * sizeof(int32_t)) < 0)
        goto done;
    result = PyTuple_Pack(2, exact, rest);
done:
    Py_XDECREF(exact);
    Py_XDECREF(rest);
    PyBuffer_Release(&sb);
    PyBuffer_Release(&eb);
    PyBuffer_Release(&tb);
    PyBuffer_Release(&pb);
    return result;
}

/*
 * sounds_alike(matches, symbols, forms) -> bytes
 *
 * Keeps the syllable-token matches (list of (start, end, pattern)) that can be homophones:
 * the characters there differ from the term's symbol form forms[pattern] somewhere but agree
 * somewhere (a homophone keeps at least one character; all the same was found already).
 * forms[pattern] None keeps the match. Returns int32 (pattern, start, end) in symbol indices.
 */
static PyObject *sounds_alike(PyObject *self, PyObject *args)
{
    PyObject *matches, *symbols, *forms;
    if (!PyArg_ParseTuple(args, "O!UO!", &PyList_Type, &matches, &symbols, &PyList_Type, &forms))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(matches), nforms = PyList_GET_SIZE(forms), len = 0;
    Py_ssize_t nsym = PyUnicode_GET_LENGTH(symbols);
    int kind = PyUnicode_KIND(symbols);
    const void *data = PyUnicode_DATA(symbols);
    PyObject *out = PyBytes_FromStringAndSize(NULL, 3 * sizeof(int32_t) * 64);
    if (!out)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *m = PyList_GET_ITEM(matches, i);
        if (!PyTuple_Check(m) || PyTuple_GET_SIZE(m) != 3) {
            PyErr_SetString(PyExc_TypeError, "matches must be (start, end, pattern) tuples");
            goto fail;
        }
        long s = PyLong_AsLong(PyTuple_GET_ITEM(m, 0)), e = PyLong_AsLong(PyTuple_GET_ITEM(m, 1));
        long p = PyLong_AsLong(PyTuple_GET_ITEM(m, 2));
        if (PyErr_Occurred())
            goto fail;
        if (s < 0 || e <= s || e > nsym || p < 0 || p >= nforms) {
            PyErr_SetString(PyExc_ValueError, "match out of range");
            goto fail;
        }
        PyObject *form = PyList_GET_ITEM(forms, p);
        if (form != Py_None && PyUnicode_Check(form)) {
            int fk = PyUnicode_KIND(form);
            const void *fd = PyUnicode_DATA(form);
            Py_ssize_t fl = PyUnicode_GET_LENGTH(form), same = 0, k;
            for (k = 0; k < e - s && k < fl; k++)
                same += PyUnicode_READ(fk, fd, k) == PyUnicode_READ(kind, data, s + k);
            if (same == 0 || same == k)
                continue;
        }
        if (put3(&out, &len, (int32_t)p, (int32_t)s, (int32_t)e) < 0)
            goto fail;
    }
    if (_PyBytes_Resize(&out, len * sizeof(int32_t)) < 0)
        return NULL;
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

/*
 * spell(tokens, windows, syllables, base) -> (letters: str, owner: bytes, flags: bytes)
 *
 * The pinyin spelling of the token stream in each window [lo, hi) (windows: list of
 * (lo, hi)), windows joined by NUL: a token base + i becomes syllables[i], anything else
 * stays. owner: int32 per letter, the symbol it spells (-1 for the NUL); flags: uint8 per
 * letter, bit 1 = first letter of its symbol, bit 2 = a Latin letter of the text.
 */
static PyObject *spell(PyObject *self, PyObject *args)
{
    PyObject *tokens, *windows, *syllables;
    long base;
    if (!PyArg_ParseTuple(args, "UO!O!l", &tokens, &PyList_Type, &windows, &PyList_Type, &syllables, &base))
        return NULL;
    Py_ssize_t nsyl = PyList_GET_SIZE(syllables), ntok = PyUnicode_GET_LENGTH(tokens), len = 0, cap = 256;
    int kind = PyUnicode_KIND(tokens);
    const void *data = PyUnicode_DATA(tokens);
    Py_UCS4 *letters = PyMem_Malloc(cap * sizeof(Py_UCS4));
    int32_t *owner = PyMem_Malloc(cap * sizeof(int32_t));
    uint8_t *flags = PyMem_Malloc(cap);
    PyObject *result = NULL;
    if (!letters || !owner || !flags) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t w = 0; w < PyList_GET_SIZE(windows); w++) {
        Py_ssize_t lo, hi;
        if (!PyArg_ParseTuple(PyList_GET_ITEM(windows, w), "nn", &lo, &hi))
            goto done;
        if (lo < 0 || hi > ntok || lo > hi) {
            PyErr_SetString(PyExc_ValueError, "window out of range");
            goto done;
        }
        for (Py_ssize_t i = (w ? lo - 1 : lo); i < hi; i++) {
            Py_UCS4 chunk[16];
            Py_ssize_t n = 0;
            uint8_t latin = 0;
            if (i < lo) { /* the NUL between windows */
                chunk[n++] = 0;
            } else {
                Py_UCS4 c = PyUnicode_READ(kind, data, i);
                long k = (long)c - base;
                if (k >= 0 && k < nsyl) {
                    PyObject *syl = PyList_GET_ITEM(syllables, k);
                    Py_ssize_t sl = PyUnicode_GET_LENGTH(syl);
                    for (Py_ssize_t j = 0; j < sl && n < 16; j++)
                        chunk[n++] = PyUnicode_READ_CHAR(syl, j);
                } else {
                    chunk[n++] = c;
                    latin = c >= 'a' && c <= 'z';
                }
            }
            if (len + n > cap) {
                cap = (len + n) * 2;
                Py_UCS4 *l2 = PyMem_Realloc(letters, cap * sizeof(Py_UCS4));
                if (!l2) { PyErr_NoMemory(); goto done; }
                letters = l2;
                int32_t *o2 = PyMem_Realloc(owner, cap * sizeof(int32_t));
                if (!o2) { PyErr_NoMemory(); goto done; }
                owner = o2;
                uint8_t *f2 = PyMem_Realloc(flags, cap);
                if (!f2) { PyErr_NoMemory(); goto done; }
                flags = f2;
            }
            for (Py_ssize_t j = 0; j < n; j++) {
                letters[len] = chunk[j];
                owner[len] = i < lo ? -1 : (int32_t)i;
                flags[len] = (uint8_t)((j == 0 ? 1 : 0) | (latin ? 2 : 0));
                len++;
            }
        }
    }
    {
        PyObject *l = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, letters, len);
        PyObject *o = PyBytes_FromStringAndSize((const char *)owner, len * sizeof(int32_t));
        PyObject *f = PyBytes_FromStringAndSize((const char *)flags, len);
        if (l && o && f)
            result = PyTuple_Pack(3, l, o, f);
        Py_XDECREF(l);
        Py_XDECREF(o);
        Py_XDECREF(f);
    }
done:
    PyMem_Free(letters);
    PyMem_Free(owner);
    PyMem_Free(flags);
    return result;
}

/*
 * spelled_hits(matches, owner, flags) -> bytes
 *
 * Keeps the matches (start, end, pattern) over spell()'s letters that start and end on
 * symbol boundaries, contain a Latin letter of the text, and neither start nor end inside
 * a Latin word; returns int32 (pattern, start, end) in symbol indices.
 */
static PyObject *spelled_hits(PyObject *self, PyObject *args)
{
    PyObject *matches;
    Py_buffer ob, fb;
    if (!PyArg_ParseTuple(args, "O!y*y*", &PyList_Type, &matches, &ob, &fb))
        return NULL;
    const int32_t *owner = ob.buf;
    const uint8_t *flags = fb.buf;
    Py_ssize_t nl = fb.len, len = 0, n = PyList_GET_SIZE(matches);
    PyObject *out = PyBytes_FromStringAndSize(NULL, 3 * sizeof(int32_t) * 64);
    if (!out)
        goto fail;
    for (Py_ssize_t i = 0; i < n; i++) {
        long ls, le, p;
        if (!PyArg_ParseTuple(PyList_GET_ITEM(matches, i), "lll", &ls, &le, &p))
            goto fail;
        if (ls < 0 || le <= ls || le > nl) {
            PyErr_SetString(PyExc_ValueError, "match out of range");
            goto fail;
        }
        if (!(flags[ls] & 1) || (le < nl && !(flags[le] & 1)))
            continue; /* cuts a syllable */
        if ((flags[ls] & 2) && ls > 0 && (flags[ls - 1] & 2))
            continue; /* starts inside a Latin word */
        if ((flags[le - 1] & 2) && le < nl && (flags[le] & 2))
            continue; /* ends inside a Latin word */
        int latin = 0;
        for (long k = ls; k < le && !latin; k++)
            latin = flags[k] & 2;
        if (!latin)
            continue; /* all Han: the character and token automata have it */
        if (put3(&out, &len, (int32_t)p, owner[ls], owner[le - 1] + 1) < 0)
            goto fail;
    }
    PyBuffer_Release(&ob);
    PyBuffer_Release(&fb);
    if (_PyBytes_Resize(&out, len * sizeof(int32_t)) < 0)
        return NULL;
    return out;
fail:
    Py_XDECREF(out);
    PyBuffer_Release(&ob);
    PyBuffer_Release(&fb);
    return NULL;
}

static PyMethodDef methods[] = {
    {"spell", spell, METH_VARARGS, "spell(tokens, windows, syllables, base) -> (letters, owner, flags)"},
    {"spelled_hits", spelled_hits, METH_VARARGS, "spelled_hits(matches, owner, flags) -> bytes"},
    {"verbatim", verbatim, METH_VARARGS, "verbatim(matches, text, starts, ends, terms, table, pool) -> (exact, rest)"},
    {"sounds_alike", sounds_alike, METH_VARARGS, "sounds_alike(matches, symbols, forms) -> bytes"},
    {"fold", fold, METH_VARARGS, "fold(text, table, pool, sounds) -> (symbols, tokens, starts, ends)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_fold", NULL, -1, methods};

PyMODINIT_FUNC PyInit__fold(void) { return PyModule_Create(&module); }
