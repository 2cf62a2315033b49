#!/usr/bin/python3
"""Writes a synthetic schema-1 registry of N statuses, for benchmarks.

Usage: mkregistry.py N [--seed S] [-o FILE]

The same N and seed always give the same bytes.  The registry is valid
for gen: codes are unique, spread over a wide range (1000 up to about
100 * N) and split into twelve classes; every id and alias is unique;
unofficial codes name a set.  Phrases run from one to five words,
descriptions from one to three sentences in English and in Chinese, and
about one status in twenty carries awkward text: quotes, backslashes,
comment ends, Mustache braces, tabs, trigraphs, Markdown punctuation,
emoji.  Some statuses have aliases, a note, a history, a ref, Go names or
IIS-style subcodes, so every part of the templates has work to do.
"""

import argparse
import random
import sys

WORDS = (
    "access account address agent archive backend balance batch billing "
    "bucket cache capacity certificate channel checksum client cluster "
    "column commit config connection consumer content context credential "
    "cursor database deadline device digest domain download endpoint entity "
    "event export feature field filter format gateway group handler header "
    "identity image import index input instance invoice job journal key "
    "label lease ledger license limit link listener lock log mailbox "
    "manifest member message metric mirror module namespace network node "
    "object offset order origin output owner package page partition "
    "password payload peer permission pipeline plan policy pool port "
    "principal profile project protocol proxy quota queue range record "
    "region registry release replica report request resource revision role "
    "route rule schema scope secret segment sequence server service session "
    "shard signature slot snapshot source stream subscription tenant "
    "ticket token topic trace transaction transfer upload user variant "
    "vault version volume webhook window worker workspace zone"
).split()

STATES = (
    "accepted already exists busy conflict corrupted deferred denied "
    "disabled expired exhausted failed forbidden frozen incomplete invalid "
    "locked malformed missing moved not found not ready outdated paused "
    "pending quarantined rejected reserved revoked stale suspended "
    "throttled timed out too large too many unavailable unknown unsupported"
).split(" ")

EN_SENT = (
    "The {a} could not be processed because its {b} is {s}.",
    "Retry after the {b} has been refreshed; the {a} is left unchanged.",
    "A client sees this code when the {a} refers to a {b} it cannot reach.",
    "Servers return it instead of a generic error so that operators can "
    "tell a {s} {a} from a broken {b}.",
    "No {b} is created or changed by a request that ends with this code.",
    "The response body names the {a} and the {b} involved.",
    "Logs record the {a} identifier, which helps to find the {b} at fault.",
    "It was added for the {b} service and is kept for older clients.",
    "Proxies must not cache it, since the {a} may recover at any moment.",
    "Sending the same {a} again without changes will fail the same way.",
)

ZH_NOUN = (
    "请求 账户 缓存 证书 连接 数据库 设备 域名 网关 镜像 实例 任务 密钥 "
    "许可证 消息 节点 对象 订单 分区 管道 策略 配额 队列 记录 区域 资源 角色 "
    "路由 会话 分片 快照 数据流 订阅 租户 令牌 主题 事务 上传 用户 版本 卷 工作区"
).split()

ZH_SENT = (
    "由于{b}已{s}，服务器无法处理该{a}。",
    "请在{b}刷新后重试，当前{a}保持不变。",
    "当{a}引用了无法访问的{b}时，客户端会收到此代码。",
    "服务器返回此代码而不是通用错误，便于运维人员区分{a}与{b}的问题。",
    "以此代码结束的请求不会创建或修改任何{b}。",
    "响应体中会给出相关的{a}和{b}。",
    "日志会记录{a}的标识，便于定位出错的{b}。",
    "该代码为{b}服务而添加，为兼容旧客户端而保留。",
)

ZH_STATE = "过期 锁定 暂停 失效 损坏 冻结 撤销 占用 拒绝 超限".split()

# Text that stresses every escaper: C, Python, Go, Markdown, Mustache.
AWKWARD = (
    'say "hi"',
    "a back\\slash",
    "C comment */ end",
    "/* open comment",
    "{{not a tag}}",
    "tab\there",
    "trigraph ??= and ??/",
    '"""triple"""',
    "pipes | and *stars* and _under_ and `ticks`",
    "<html> & entities",
    "emoji \U0001F680\U0001F525",
    "dash -- dash",
    "percent %s %d",
    "#hash [link](x) !bang",
)

SOURCES = ("IANA", "Acme Cloud", "Internal", "Edge Proxy", "Storage Team")
SETS = ("edge", "legacy", "vendor_a", "vendor_b")


def quote(s):
    """A YAML double-quoted scalar."""
    out = ['"']
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def title(words):
    return " ".join(w[:1].upper() + w[1:] for w in words)


def en_text(rng, awkward):
    parts = []
    for _ in range(rng.randint(1, 3)):
        parts.append(rng.choice(EN_SENT).format(
            a=rng.choice(WORDS), b=rng.choice(WORDS), s=rng.choice(STATES)))
    if awkward:
        parts.insert(rng.randint(0, len(parts)), rng.choice(AWKWARD) + ".")
    return " ".join(parts)


def zh_text(rng, awkward):
    parts = []
    for _ in range(rng.randint(1, 3)):
        parts.append(rng.choice(ZH_SENT).format(
            a=rng.choice(ZH_NOUN), b=rng.choice(ZH_NOUN),
            s=rng.choice(ZH_STATE)))
    if awkward:
        parts.append(rng.choice(AWKWARD) + "。")
    return "".join(parts)


def ident(words):
    return "_".join(w.replace(" ", "_") for w in words)


def header(out, n, first, last, nclass):
    w = out.write
    w("# Synthetic registry for benchmarks: %d statuses.\n" % n)
    w("# Written by bench/mkregistry.py; do not edit.\n")
    w("schema: 1\n\nregistry:\n  name: bench\n")
    w("  title: {en: Benchmark Codes, zh-CN: 基准测试代码}\n")
    w("  locales: [en, zh-CN]\n  c_prefix: bench\n")
    w("  description:\n    en: %s\n    zh-CN: %s\n" % (
        quote("A generated catalogue of %d codes." % n),
        quote("自动生成的 %d 个代码。" % n)))
    w("\nsets:\n")
    for s in SETS:
        w("  - id: %s\n    title: {en: %s, zh-CN: %s}\n" % (
            s, title(s.split("_")), s))
        w("    description: %s\n" % quote("Codes used by %s." % s))
    w("\nclasses:\n")
    span = (last - first + nclass) // nclass
    for k in range(nclass):
        lo = first + k * span
        w("  - id: class_%02d\n    first: %d\n    last: %d\n" % (
            k, lo, lo + span - 1))
        w("    title: {en: Class %d, zh-CN: 第 %d 类}\n" % (k, k))
        w("    description:\n      en: %s\n      zh-CN: %s\n" % (
            quote("Codes from %d to %d." % (lo, lo + span - 1)),
            quote("%d 到 %d 之间的代码。" % (lo, lo + span - 1))))
    w("\nstatuses:\n")


def status(out, rng, code):
    w = out.write
    nw = rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5))
    words = [rng.choice(WORDS) for _ in range(nw - 1)] + [rng.choice(STATES)]
    awkward = rng.random() < 0.05
    phrase = title(words)
    if awkward and rng.random() < 0.3:
        phrase += " (" + rng.choice(AWKWARD) + ")"
    w("  - code: %d\n    phrase: %s\n" % (code, quote(phrase)))
    w("    id: %s_%d\n" % (ident(words), code))
    r = rng.random()
    if r < 0.12:
        al = ["%s_%d" % (ident([rng.choice(WORDS), "old"]), code)]
        if r < 0.03:
            al.append("legacy_%d" % code)
        w("    aliases: [%s]\n" % ", ".join(al))
    if rng.random() < 0.01:
        w("    names: {go: [Custom%d]}\n" % code)
    kind = rng.random()
    if kind < 0.06:
        w("    status: unofficial\n    set: %s\n" % rng.choice(SETS))
    elif kind < 0.10:
        w("    status: deprecated\n")
    elif kind < 0.12:
        w("    status: experimental\n")
    elif kind < 0.13:
        w("    status: temporary\n    expires: \"2030-01-%02d\"\n" %
          rng.randint(1, 28))
    else:
        w("    status: standard\n")
    w("    source: %s\n" % rng.choice(SOURCES))
    if rng.random() < 0.5:
        w("    ref: %s\n" % quote("RFC %d, Section %d.%d" % (
            rng.randint(1000, 9999), rng.randint(1, 20), rng.randint(1, 9))))
    if rng.random() < 0.03:
        w("    history:\n      - {phrase: %s, ref: %s}\n" % (
            quote(title([rng.choice(WORDS), rng.choice(STATES)])),
            quote("RFC %d" % rng.randint(1000, 9999))))
    if rng.random() < 0.01:
        w("    subcodes:\n")
        for sub in range(1, rng.randint(2, 4)):
            w("      - {sub: %d, phrase: %s, description: %s}\n" % (
                sub, quote(title([rng.choice(WORDS), rng.choice(STATES)])),
                quote(en_text(rng, False))))
    if rng.random() < 0.05:
        w("    note:\n      en: %s\n      zh-CN: %s\n" % (
            quote(en_text(rng, awkward)), quote(zh_text(rng, False))))
    w("    description:\n      en: %s\n      zh-CN: %s\n" % (
        quote(en_text(rng, awkward)), quote(zh_text(rng, awkward))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="how many statuses")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", help="file to write (default: stdout)")
    args = ap.parse_args()
    if args.n < 1:
        ap.error("N must be at least 1")
    rng = random.Random(args.seed)
    first, nclass = 1000, 12
    # Gaps of 1 to 199 between codes: about 100 * N wide in all.
    codes, code = [], first
    for _ in range(args.n):
        code += rng.randint(1, 199)
        codes.append(code)
    last = codes[-1] + 1
    out = open(args.output, "w", encoding="utf-8", newline="\n") \
        if args.output else sys.stdout
    with out:
        header(out, args.n, first, last, nclass)
        for c in codes:
            status(out, rng, c)


if __name__ == "__main__":
    main()
