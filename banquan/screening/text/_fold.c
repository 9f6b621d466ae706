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
 * verbatim(matches, text, starts, ends, terms) -> (exact: bytes, rest: bytes)
 *
 * Sorts automaton matches (list of (start, end, pattern) in symbol indices) into those whose
 * original text is verbatim the term terms[pattern] (a str; None where the pattern needs
 * Python's checks), returned as int32 (pattern, start, end) in ORIGINAL offsets, and the
 * rest, returned as int32 (pattern, start, end) in symbol indices. Most hits in real text
 * are verbatim; this keeps them out of the interpreter.
 */
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
    Py_buffer sb, eb;
    if (!PyArg_ParseTuple(args, "O!Uy*y*O!", &PyList_Type, &matches, &text, &sb, &eb, &PyList_Type, &terms))
        return NULL;
    const int32_t *starts = sb.buf, *ends = eb.buf;
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
    return result;
}

static PyMethodDef methods[] = {
    {"verbatim", verbatim, METH_VARARGS, "verbatim(matches, text, starts, ends, terms) -> (exact, rest)"},
    {"fold", fold, METH_VARARGS, "fold(text, table, pool, sounds) -> (symbols, tokens, starts, ends)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_fold", NULL, -1, methods};

PyMODINIT_FUNC PyInit__fold(void) { return PyModule_Create(&module); }
