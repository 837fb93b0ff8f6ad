"""Golden data for numox's text I/O (np.loadtxt, np.savetxt, np.genfromtxt).

Writes small text inputs (in_*.txt), NumPy's results (out_*.npy), savetxt inputs (arr_*.npy)
with NumPy's output files (save_*.txt), and three manifests, one case a line:
    loadtxt.txt / genfromtxt.txt:  name <TAB> input file <TAB> options <TAB> result
    savetxt.txt:                   name <TAB> array file <TAB> options <TAB> result
options are `key=value` items joined by '&' with percent-encoded values (a key may repeat);
result is `npy:<file>`, `txt:<file>` or `ERR:<message>` (the message percent-encoded).
"""
import os
import urllib.parse
import warnings

import ml_dtypes
import numpy as np

INT_DTYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
FLOAT_DTYPES = ["float16", "float32", "float64"]
COMPLEX_DTYPES = ["complex64", "complex128"]


def q(s):
    return urllib.parse.quote(str(s), safe="")


def enc(opts):
    items = []
    for k, v in opts.items():
        if isinstance(v, (list, tuple)):
            if k in ("usecols",):
                items.append(f"{k}={q(','.join(str(x) for x in v))}")
            else:
                items.extend(f"{k}={q(x)}" for x in v)
                if not v:
                    items.append(f"{k}_none=1")
        elif v is None:
            items.append(f"{k}_none=1")
        elif isinstance(v, bool):
            items.append(f"{k}={int(v)}")
        else:
            items.append(f"{k}={q(v)}")
    return "&".join(items)


# ---------------------------------------------------------------- loadtxt
def loadtxt_cases():
    c = []

    def add(name, text, **kw):
        c.append((name, text, kw))

    add("ws_basic", "1 2 3\n4 5 6\n")
    add("csv_basic", "1,2,3\n4,5,6\n", delimiter=",")
    add("one_row", "1 2 3\n")
    add("one_col", "1\n2\n3\n")
    add("one_value", "  1e5  \n")
    add("one_value_ndmin1", "7\n", ndmin=1)
    add("one_value_ndmin2", "7\n", ndmin=2)
    add("one_col_ndmin2", "1\n2\n", ndmin=2)
    add("one_row_ndmin2", "1 2\n", ndmin=2)
    add("one_row_ndmin2_unpack", "1 2\n", ndmin=2, unpack=True)
    add("unpack", "1 2\n3 4\n5 6\n", unpack=True)
    add("unpack_usecol", "1 2\n3 4\n", unpack=True, usecols=[1])
    add("empty", "")
    add("empty_ndmin2", "", ndmin=2)
    add("empty_usecols", "", usecols=[0, 1])
    add("only_comments", "# a\n# b\n\n", ndmin=2)
    add("comments_mid", "1,2 # c\n# whole line\n3,4#x\n", delimiter=",")
    add("comments_multi", "1 2 //x\n3 4 #y\n", comments=["//", "#"])
    add("comments_none", "1 2\n3 4\n", comments=[])
    add("comments_other", "1;2 % x\n%\n3;4\n", delimiter=";", comments=["%"])
    add("blank_lines", "\n1,2\n\n\n3,4\n\n", delimiter=",")
    add("crlf", "1,2\r\n3,4\r\n", delimiter=",")
    add("cr_only", "1,2\r3,4\r", delimiter=",")
    add("no_final_newline", "1,2\n3,4", delimiter=",")
    add("tabs_spaces", "  1\t2   3\n4 \t 5\t6   \n")
    add("spaces_around", " 1 , 2 \n3,4\n", delimiter=",")
    add("skiprows", "x y\nheader\n1 2\n3 4\n", skiprows=2)
    add("skiprows_comments", "#a\n#b\n1 2\n3 4\n", skiprows=1)
    add("max_rows", "1;2\n3;4\n5;6\n", delimiter=";", max_rows=2)
    add("max_rows_blank", "# c\n1 2\n\n3 4\n5 6\n", max_rows=2)
    add("max_rows_1", "1;2\n3;4\n", delimiter=";", max_rows=1)
    add("max_rows_0", "1 2\n", max_rows=0)
    add("usecols", "1,2,3\n4,5,6\n", delimiter=",", usecols=[2, 0])
    add("usecols_neg", "1,2,3\n4,5,6\n", delimiter=",", usecols=[-1, -3])
    add("usecols_dup", "1 2\n3 4\n", usecols=[0, 0])
    add("usecols_one", "1 2\n3 4\n", usecols=[1])
    add("usecols_ragged", "1,2,3\n4,5\n", delimiter=",", usecols=[0, 1])
    add("usecols_empty", "1 2\n", usecols=[])
    add("quoted", '"1.5",2\n"3" ,"4"\n', delimiter=",", quotechar='"')
    add("quoted_delim_inside", '"1,5",2\n', delimiter=",", quotechar='"')
    add("quoted_ws", '"1" 2\n3 "4"\n', quotechar='"')
    add("quoted_hash", '"1#",2\n', delimiter=",", quotechar='"')
    # A line end inside quotes belongs to the field (NumPy's tokenizer), also after a comment.
    add("quoted_newline", '"1.5\n",2\n4,5\n', delimiter=",", quotechar='"')
    add("quoted_newline_comment", '"1.5",2 # c "x\n4,"5\n"\n', delimiter=",", quotechar='"')
    add("quoted_newline_ws", '" 1.5\n" "2"\n4 5\n', quotechar='"')
    add("quoted_crlf", '"1\r\n",2\r\n3,4\r\n', delimiter=",", quotechar='"')
    add("specials", "nan,NaN,inf,-Infinity,+1e5,INF,-nan,+inf\n", delimiter=",")
    add("float_forms", "1.,.5,1.e5,-.5e-3,1E5,00012,-0, +.5\n", delimiter=",")
    add("extremes", "1e400,-1e400,1e-400,4.9e-324,2.5e-324,1.7976931348623157e308\n",
        delimiter=",")
    add("rounding", "0.1 0.2 0.30000000000000004 1.0000000000000002 9007199254740993\n")
    add("f32_values", "0.1 1e40 -1e-50 3.4028235e38 16777217\n", dtype="float32")
    add("f16_values", "0.1 65504 65520 1e-8 6e-8 -2.5\n", dtype="float16")
    add("bf16_values", "0.1 1.00390625 1e40 -3.5 65504\n", dtype="bfloat16")
    add("bool_values", "1,0,2,-3,00\n", delimiter=",", dtype="bool")
    add("complex_forms", "1+2j,(3-4j),5,6j,( 1+2j ),1e1j,inf+nanj,1e5-3.5e-2j\n",
        delimiter=",", dtype="complex128")
    add("complex64_forms", "1+2j,(3-4j),0.1+0.2j\n", delimiter=",", dtype="complex64")
    for dt in INT_DTYPES:
        info = np.iinfo(dt)
        add(f"int_{dt}", f"{info.min} {info.max} 0 +5 07\n -1 1 2 3 4\n"
            if info.min < 0 else f"{info.min} {info.max} 0 +5 07\n 1 1 2 3 4\n", dtype=dt)
        add(f"int_{dt}_over", f"{int(info.max) + 1}\n", dtype=dt)
        add(f"int_{dt}_under", f"{int(info.min) - 1}\n", dtype=dt)
    for n in (7, 8, 9, 15, 16, 17, 127, 128, 129, 1000):
        vals = np.random.default_rng(n).standard_normal(n) * 10.0 ** (np.arange(n) % 30 - 15)
        add(f"row_{n}", " ".join(repr(float(v)) for v in vals) + "\n")
        add(f"col_{n}", "".join(f"{v:.17g}\n" for v in vals), delimiter=",")
    # errors
    add("err_convert", "1,2,3\n4,abc,6\n", delimiter=",")
    add("err_convert_after_comment", "1,2\n#c\n\n3,x\n", delimiter=",")
    add("err_convert_usecols", "1,2,3\n4,5,x\n", delimiter=",", usecols=[2, 0])
    add("err_empty_field", "1,,2\n", delimiter=",")
    add("err_trailing_delim", "1,2,\n", delimiter=",")
    add("err_blank_ws_line", "  \n1,2\n", delimiter=",")
    add("err_cols_changed", "1,2,3\n4,5\n", delimiter=",")
    add("err_cols_changed_ws", "1\n2 3\n")
    add("err_cols_after_blank", "a\nb\n1,2\n#c\n3\n", delimiter=",", skiprows=2)
    add("err_usecol_range", "1,2,3\n4,5,6\n", delimiter=",", usecols=[5])
    add("err_usecol_neg", "1,2,3\n4,5,6\n", delimiter=",", usecols=[-4])
    add("err_ndmin", "1\n", ndmin=3)
    add("err_delim_long", "1 2\n", delimiter="ab")
    add("err_comment_delim", "1\n", delimiter=",", comments=[","])
    add("err_int_float", "1.5,2\n", delimiter=",", dtype="int64")
    add("err_int_exp", "1e3\n", dtype="int32")
    add("err_int_hex", "0x10\n", dtype="int64")
    add("err_uint_neg", "-1\n", dtype="uint8")
    add("err_uint_negzero", "-0\n", dtype="uint16")
    add("err_bool_word", "True\n", dtype="bool")
    add("err_bool_float", "0.0\n", dtype="bool")
    add("err_float_hex", "0x10\n")
    add("err_float_underscore", "1_000\n")
    add("err_float_d", "1d5\n")
    add("err_float_e", "1e\n")
    add("err_complex_J", "+1-1J\n", dtype="complex128")
    add("err_complex_space", "1 +2j\n", delimiter=",", dtype="complex128")
    add("err_complex_word", "abc\n", dtype="complex64")
    add("err_f16", "abc\n", dtype="float16")
    add("err_f32", "1 2\n3 nanx\n", dtype="float32")
    add("err_quote_trailing", '"1.5"x,2\n', delimiter=",", quotechar='"')
    add("err_quote_doubled", '"1",""2""\n', delimiter=",", quotechar='"')
    add("err_repr_tab", "1,\t\\x\n", delimiter=",")
    add("err_repr_quote", "1,it's\n", delimiter=",")
    add("err_repr_nul", "1,a\x00b\n", delimiter=",")
    return c


def run_loadtxt(path, kw):
    kw = dict(kw)
    if "comments" in kw and kw["comments"] == []:
        kw["comments"] = None
    dt = kw.get("dtype", "float64")
    if dt == "bfloat16":
        kw["dtype"] = "float64"
        return np.loadtxt(path, **kw).astype(ml_dtypes.bfloat16)
    return np.loadtxt(path, **kw)


# ---------------------------------------------------------------- savetxt
def savetxt_cases():
    c = []
    fvals = np.array([0.5, 2.5, 0.125, 1e-5, 123456789.0, np.inf, -np.inf, np.nan, -0.0,
                      1e300, 5e-324, 1.0, -1.5, 0.1, 1e16, 1e-300, 3.0e21, 999999.5])
    c.append(("default_1d", fvals, {}))
    c.append(("default_2d", fvals.reshape(3, 6), {}))
    for i, f in enumerate(["%.0f", "%.1f", "%.2f", "%5.1e", "%g", "%.3g", "%#g", "%#.0f",
                           "%#.0e", "%+e", "% e", "%010.3f", "%-10.2f|", "%E", "%G", "%F",
                           "%.17g", "%.25f", "%12.4G", "%-+9.2e", "%s", "%10s", "%.3s", "%.0e",
                           "%#.3g", "%.0g", "%#.0g", "%r"]):
        c.append((f"f64_fmt{i}", fvals, {"fmt": f}))
    ivals = np.array([0, 1, -1, 255, -255, 2**31 - 1, -2**31, 2**62, -2**63], dtype=np.int64)
    for i, f in enumerate(["%d", "%i", "%u", "%x", "%X", "%o", "%#x", "%#X", "%#o", "%.5d",
                           "%+08d", "% d", "%-8d|", "%08.3d", "%s", "%e", "%.2f", "%g", "%5s",
                           "%c"]):
        arr = ivals if f != "%c" else np.array([65, 97, 48])
        c.append((f"i64_fmt{i}", arr, {"fmt": f}))
    c.append(("u64_max", np.array([2**64 - 1, 0], dtype=np.uint64), {"fmt": "%d"}))
    c.append(("float_as_int", np.array([1.5, -2.7, 1e16, 1.5e300, -0.0]), {"fmt": "%d"}))
    for dt in ["bool"] + INT_DTYPES + FLOAT_DTYPES + COMPLEX_DTYPES:
        a = (np.arange(6) % 2 == 1) if dt == "bool" else (np.arange(6) - 2).astype(dt)
        if dt.startswith(("float", "complex")):
            a = a / 3 + (1j if dt.startswith("complex") else 0)
            a = a.astype(dt)
        c.append((f"dtype_{dt}", a.reshape(2, 3), {}))
        c.append((f"dtype_{dt}_s", a.reshape(2, 3), {"fmt": "%s"}))
        if not dt.startswith("complex"):
            c.append((f"dtype_{dt}_g", a.reshape(3, 2), {"fmt": "%.4g"}))
    bf = np.array([0.1, 1.5, -3.0, 1e30], dtype=ml_dtypes.bfloat16)
    c.append(("dtype_bfloat16", bf, {"fmt": "%.6e"}))
    c.append(("opts_all", np.arange(4).reshape(2, 2),
              {"fmt": "%d", "delimiter": ",", "header": "a\nb", "footer": "f",
               "comments": "// ", "newline": "\r\n"}))
    c.append(("header_only", np.arange(4.0).reshape(2, 2), {"fmt": "%.1f", "header": "x y"}))
    c.append(("row_fmt", np.arange(4).reshape(2, 2), {"fmt": "%d|%d"}))
    c.append(("col_fmts", np.arange(6.0).reshape(2, 3) / 7, {"fmt": ["%.1f", "%8.3e", "%g"]}))
    cplx = np.array([[1 + 2j, 3 - 4j], [-0.5 - 0.25j, np.inf + np.nan * 1j]])
    c.append(("complex_default", cplx, {}))
    c.append(("complex_one", cplx, {"fmt": "%.2f"}))
    c.append(("complex_row", cplx, {"fmt": "%.1f %.1f, %.1f %.1f"}))
    c.append(("complex_cols", cplx, {"fmt": ["%.1f%+.1fj", "(%.1f,%.1f)"]}))
    c.append(("empty_2d", np.zeros((0, 3)), {}))
    c.append(("empty_1d", np.zeros((0,)), {}))
    c.append(("delim_tab", np.arange(6.0).reshape(2, 3), {"delimiter": "\t", "fmt": "%.3f"}))
    # errors
    c.append(("err_0d", np.array(1.0), {}))
    c.append(("err_3d", np.zeros((1, 1, 1)), {}))
    c.append(("err_nfmt", np.arange(4).reshape(2, 2), {"fmt": "%d|%d|%d"}))
    c.append(("err_percent", np.arange(4).reshape(2, 2), {"fmt": "%d %%"}))
    c.append(("err_cols", np.arange(4).reshape(2, 2), {"fmt": ["%d"]}))
    c.append(("err_unsupported", np.arange(3.0).reshape(1, 3), {"fmt": "%q"}))
    c.append(("err_x_float", np.array([1.5]), {"fmt": "%x"}))
    c.append(("err_d_nan", np.array([1.5, np.nan]), {"fmt": "%d"}))
    c.append(("err_d_inf", np.array([np.inf]), {"fmt": "%d"}))
    return c


# ---------------------------------------------------------------- genfromtxt
def genfromtxt_cases():
    c = []

    def add(name, text, **kw):
        c.append((name, text, kw))

    add("missing_malformed", "1,2,3\n4,,6\n7,abc,9\n", delimiter=",")
    add("blank_field", "1,2,3\n4,  ,6\n", delimiter=",")
    add("missing_values", "1,2,3\n4,N/A,6\n", delimiter=",", missing_values=["N/A"])
    add("filling_one", "1,2,3\n4,N/A,\n", delimiter=",", missing_values=["N/A"],
        filling_values=-1.0)
    add("filling_cols", "1,2,3\n4,N/A,\n", delimiter=",", filling_values=[10.0, 20.0, 30.0])
    add("invalid_skip", "1,2,3\n4,5\n7,8,9\n#c\n\n1,2,3,4\n", delimiter=",",
        invalid_raise=False)
    add("skip_header", "h\nh2\n1,2,3\n4,5,6\n", delimiter=",", skip_header=2)
    add("skip_footer", "1,2,3\n4,5,6\n7,8,9\n", delimiter=",", skip_footer=1)
    add("skip_footer_junk", "1,2,3\n4,5,6\nend\n", delimiter=",", skip_footer=1)
    add("skip_footer_invalid", "1,2,3\n4,5\n7,8,9\n", delimiter=",", skip_footer=1,
        invalid_raise=False)
    add("usecols_neg", "1,2,3\n4,,6\n", delimiter=",", usecols=[-1, 1])
    add("usecols_ragged", "1,2,3\n4,5\n", delimiter=",", usecols=[0, 1])
    add("whitespace", "1 2 3\n4 5 6\n")
    add("one_row", "1 2 3\n")
    add("one_col", "1\n2\n")
    add("one_value", "5\n")
    add("empty", "")
    add("py_floats", "1,1_000, 1e5 ,inf,-Infinity,nan,0x10,1d5, +.5\n", delimiter=",")
    add("float32", "1,2\n3,abc\n0.1,1e40\n", delimiter=",", dtype="float32")
    add("comments_crlf", "# head\n1,2 # x\r\n3,4\r\n", delimiter=",")
    add("ndmin2", "1,2\n", delimiter=",", ndmin=2)
    add("unpack", "1,2\n3,4\n5,6\n", delimiter=",", unpack=True)
    add("header_text", "a,b\n1,2\n", delimiter=",")
    add("numbers_in_missing", "1,2,3\n4,5,6\n", delimiter=",", missing_values=["1", "5"])
    add("err_invalid", "1,2,3\n4,5\n7,8,9\n#c\n\n1,2,3,4\n", delimiter=",")
    add("err_invalid_header", "h\nh2\n1,2,3\n4,5\n", delimiter=",", skip_header=2)
    add("err_invalid_after_comment", "#c\n1,2,3\n4,5\n", delimiter=",")
    add("err_usecols", "1,2,3\n4,5\n", delimiter=",", usecols=[0, 2])
    return c


def run_genfromtxt(path, kw):
    kw = dict(kw)
    if "missing_values" in kw:
        kw["missing_values"] = ",".join(kw["missing_values"]) if len(kw["missing_values"]) == 1 \
            else kw["missing_values"]
    return np.genfromtxt(path, **kw)


def generate(out):
    warnings.simplefilter("ignore")
    for area, cases, runner in (("loadtxt", loadtxt_cases(), run_loadtxt),
                                ("genfromtxt", genfromtxt_cases(), run_genfromtxt)):
        lines = []
        for name, text, kw in cases:
            inp = f"in_{area}_{name}.txt"
            with open(os.path.join(out, inp), "wb") as f:
                f.write(text.encode("utf-8"))
            try:
                r = runner(os.path.join(out, inp), kw)
                res = f"out_{area}_{name}.npy"
                np.save(os.path.join(out, res), r)
                res = "npy:" + res
            except Exception as e:  # noqa: BLE001 - every error's text is the golden value
                res = "ERR:" + q(str(e))
            lines.append(f"{name}\t{inp}\t{enc(kw)}\t{res}")
        with open(os.path.join(out, f"{area}.txt"), "w") as f:
            f.write("\n".join(lines) + "\n")
    lines = []
    for name, arr, kw in savetxt_cases():
        src = f"arr_{name}.npy"
        np.save(os.path.join(out, src), arr)
        path = os.path.join(out, f"save_{name}.txt")
        try:
            np.savetxt(path, arr, **kw)
            res = f"txt:save_{name}.txt"
        except Exception as e:  # noqa: BLE001
            if os.path.exists(path):
                os.remove(path)
            res = "ERR:" + q(str(e))
        opts = dict(kw)
        if isinstance(opts.get("fmt"), list):
            opts["fmtcol"] = opts.pop("fmt")
        lines.append(f"{name}\t{src}\t{enc(opts)}\t{res}")
    with open(os.path.join(out, "savetxt.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")
