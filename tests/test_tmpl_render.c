/*
 * test_tmpl_render: the Mustache spec's behaviours, written as our own
 * cases against one data tree (comments, delimiters, interpolation,
 * sections, inverted sections, partials, dynamic names, inheritance),
 * plus the extensions (escaping modes, filters, @first, @last, @index),
 * strict mode, errors with positions and the render-time limits.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/load.h"
#include "tmpl/tmpl.h"
#include "check.h"
#include "tmpl_check.h"

struct fixture {
	struct arena a;
	struct keys *keys;
	struct diag d;
	struct buf out;
	const struct value *data;
	struct tmpl_loader loader;
	int finds;		/* calls of the loader's find() */
};

/*
 * The data every case renders against: every kind of value, maps and
 * lists nested, keys with dots, names of partials.
 */
static const char std_yaml[] =
    "name: Joe\n"
    "html: \"<b>&\\\"\"\n"
    "num: 85\n"
    "neg: -7\n"
    "zero: 0\n"
    "flt: 1.210\n"
    "tenth: 0.100\n"
    "half: 1.5\n"
    "t: true\n"
    "f: false\n"
    "nul: null\n"
    "empty: ''\n"
    "elist: []\n"
    "items: [{n: a}, {n: b}, {n: c}]\n"
    "words: [x, y, z]\n"
    "nested: [[1, 2], [3]]\n"
    "a: {b: {c: deep}}\n"
    "inner: {name: Inner}\n"
    "id: not_found\n"
    "which: p1\n"
    "twoname: two\n"
    "linesname: lines\n"
    "pname: parent\n"
    "wrapname: wrap\n"
    "badname: bad\n"
    "ghost: nosuch\n"
    "dyn: {part: p1}\n"
    "tmpl: '{{name}}'\n"
    "x.y: atomic\n"
    "x: {y: split}\n"
    "p.q: atomic\n"
    "hollow: {inner: {}}\n"
    "flags: {on: true, off: false}\n"
    "nums: [1, 2.50]\n"
    "l1: {one: 1}\n"
    "l2: {two: 2}\n"
    "l3: {three: 3}\n"
    "tree: {content: X, kind: dnode, nodes: [{content: Y, nodes: []}]}\n"
    "q: \"1\\\"2\\\\3\\n<&>*/\"\n"
    "shadow: [{x: 1}, {name: inner}, {x: 2}, {name: again}]\n"
    "evens: [{n: 0, even: e0}, {n: 1}, {n: 2, even: e2}]\n";

/* Loads yaml into the fixture's arena, its keys interned in its table. */
static const struct value *
load(struct fixture *f, const char *yaml)
{
	struct load_to to = { &f->a, &f->a, f->keys };
	const struct value *v = NULL;

	if (load_yaml(&to, "data.yaml", yaml, strlen(yaml), NULL, &f->d,
	    &v) != 0)
		fail_msg("cannot load %s", yaml);
	return v;
}

static const struct {
	const char *name, *text;
} partials[] = {
	{ "p1", "[{{name}}]" },
	{ "lines", "|\n{{{html}}}\n|\n" },
	{ "textsec", "{{#t}}1\n{{/t}}{{#w}}2\n{{/w}}{{^f}}3{{/f}}\n" },
	{ "two", ">\n>" },
	{ "blank", "a\n\nb\n" },
	{ "delims", "{{=<% %>=}}<% name %>" },
	{ "nested", "({{>p1}})" },
	{ "loop", "{{>loop}}" },
	{ "xloop", "x{{>xloop}}" },
	{ "wrap", "{{>tail}}|" },
	{ "mid", "a {{>p1}}" },
	{ "tail", "x\n{{nope}}" },
	{ "bad", "{{#x}}" },
	{ "badder", "[{{>bad}}]" },
	{ "parent", "<{{$b}}default{{/b}}|{{$c}}keep{{/c}}>" },
	{ "node", "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>" },
	{ "dnode", "{{content}}<{{#nodes}}{{>*kind}}{{/nodes}}>" },
	{ "named", "{{$name}}from partial{{/name}}" },
	{ "stop", "stop:\n  {{$n}}listen{{/n}}\n" },
	{ "grand", "{{$a}}g{{/a}}" },
	{ "older", "{{<grand}}{{$a}}o{{/a}}{{/grand}}" },
	{ "middle", "{{<older}}{{$a}}m{{/a}}{{/older}}" },
	{ "rec1", "{{$x}}d1{{/x}} {{$y}}{{<rec2}}{{/rec2}}{{/y}}" },
	{ "rec2", "{{$x}}d2{{/x}} {{<rec1}}{{$y}}stop{{/y}}{{/rec1}}" },
	{ "scoped", "{{#inner}}{{$s}}{{name}}{{/s}}{{/inner}}" },
	{ "hi_inline", "Hi,\n  {{$block}}{{/block}}\n" },
	{ "hi_lines", "Hi,\n  {{$block}}\n  {{/block}}\n" },
	{ "hi_default", "Hi,\n{{$block}}\n  default\n{{/block}}\n" },
	{ "hi_crlf", "Hi,\r\n  {{$block}}{{/block}}\r\n" },
	{ "nest_p", "{{<nest_g}}{{$block}}\n  one\n  {{$nested}}\n    two\n"
	    "  {{/nested}}\n{{/block}}{{/nest_g}}\n" },
	{ "nest_g", "{{$block}}default{{/block}}" },
	{ "ploop", "{{<ploop}}{{/ploop}}" },
};

/*
 * The loader's find(): a partial of the table above, parsed against the
 * fixture's keys into the render's arena, TMPL_BAD when it does not
 * parse; "ioerr" fails as a read would; any other name is no partial.
 */
static int
find(void *ctx, const char *name, struct arena *a, struct diag *d,
    const struct tmpl **out)
{
	struct fixture *f = ctx;
	struct tmpl *t;
	size_t i;

	f->finds++;
	assert_ptr_equal(a, &f->a);
	*out = NULL;
	if (strcmp(name, "ioerr") == 0) {
		diag_sys(d, DIAG_IOERR, "ioerr.mustache", EIO);
		return -1;
	}
	for (i = 0; i < sizeof(partials) / sizeof(partials[0]); i++) {
		if (strcmp(partials[i].name, name) != 0)
			continue;
		if (tmpl_parse(a, f->keys, partials[i].name, partials[i].text,
		    strlen(partials[i].text), d, &t) != 0)
			return TMPL_BAD;
		assert_true(tmpl_check(t));
		*out = t;
		return 0;
	}
	return 0;
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	buf_init(&f->out);
	diag_init(&f->d);
	f->keys = keys_new();
	f->loader.find = find;
	f->loader.ctx = f;
	f->data = load(f, std_yaml);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	buf_release(&f->out);
	diag_release(&f->d);
	arena_release(&f->a);
	keys_free(f->keys);
	free(f);
	return 0;
}

/* Parses text against the fixture's keys; NULL after a parse error. */
static struct tmpl *
parse(struct fixture *f, const char *text)
{
	struct tmpl *t = NULL;

	if (tmpl_parse(&f->a, f->keys, "t.mustache", text, strlen(text),
	    &f->d, &t) != 0)
		return NULL;
	assert_true(tmpl_check(t));
	return t;
}

/* Parses and renders text against root into f->out, as gen render does. */
static int
render_root(struct fixture *f, const struct value *root, const char *text,
    enum escape_mode mode, bool strict)
{
	struct tmpl_opts opts = { mode, strict, 0, NULL };
	struct tmpl *t;

	buf_reset(&f->out);
	if ((t = parse(f, text)) == NULL)
		return -1;
	return tmpl_render(t, root, &opts, &f->loader, &f->a, &f->out,
	    &f->d);
}

static int
render(struct fixture *f, const char *text, bool strict)
{
	return render_root(f, f->data, text, ESCAPE_HTML, strict);
}

static const struct {
	const char *name, *text, *expected;
} cases[] = {
	/* comments */
	{ "comment inline", "1{{! x }}2", "12" },
	{ "comment multiline", "1{{!\nx\n}}2", "12" },
	{ "comment standalone", "a\n  {{! x }}\nb", "a\nb" },
	{ "comment crlf", "a\r\n{{! x }}\r\nb", "a\r\nb" },
	{ "comment first line", " {{!x}}\nb", "b" },
	{ "comment last line", "a\n {{!x}}", "a\n" },
	{ "comment multiline standalone", "a\n{{!\nx\n}}\nb", "a\nb" },
	{ "comment indented inline", " 1 {{!x}}\n", " 1 \n" },
	{ "comment named like data", "{{! name }}", "" },
	{ "comment indented multiline standalone",
	    "a\n  {{!\n  x\n  }}\nb", "a\nb" },
	{ "comment surrounding blanks", "1 {{! x }} 2", "1  2" },
	/* delimiters */
	{ "delims pair", "{{=<% %>=}}(<% name %>)", "(Joe)" },
	{ "delims special", "{{=| |=}}|name|", "Joe" },
	{ "delims persist in section",
	    "{{=[ ]=}}\n[#t]\n[name]\n[/t]\n", "Joe\n" },
	{ "delims not into partial", "{{=[ ]=}}[>p1]", "[Joe]" },
	{ "delims not out of partial", "{{>delims}}{{name}}", "JoeJoe" },
	{ "delims standalone", "a\n  {{=@ @=}}\nb", "a\nb" },
	{ "delims padding", "|{{= @   @ =}}|@name@", "||Joe" },
	{ "delims triple", "{{=<% %>=}}<%{html}%>", "<b>&\"" },
	{ "delims persist in inverted",
	    "{{=[ ]=}}\n[^f]\n[name]\n[/f]\n", "Joe\n" },
	{ "delims surrounding blanks", "| {{=@ @=}} |", "|  |" },
	{ "delims outlying blanks", " | {{=@ @=}}\n", " | \n" },
	{ "delims crlf", "|\r\n{{= @ @ =}}\r\n|", "|\r\n|" },
	{ "delims first line", "  {{=@ @=}}\n=", "=" },
	{ "delims last line", "=\n  {{=@ @=}}", "=\n" },
	/* interpolation */
	{ "text only", "plain {text}", "plain {text}" },
	{ "basic", "Hi {{name}}!", "Hi Joe!" },
	{ "escaped", "{{html}}", "&lt;b&gt;&amp;&quot;" },
	{ "triple raw", "{{{html}}}", "<b>&\"" },
	{ "ampersand raw", "{{&html}}", "<b>&\"" },
	{ "int", "{{num}} {{neg}} {{zero}}", "85 -7 0" },
	{ "float shortest", "{{flt}} {{half}} {{tenth}}", "1.21 1.5 0.1" },
	{ "bools", "{{t}} {{f}}", "true false" },
	{ "null empty", "[{{nul}}{{{nul}}}]", "[]" },
	{ "miss empty", "[{{nope}}{{&nope}}]", "[]" },
	{ "dotted", "{{a.b.c}} {{{a.b.c}}} {{&inner.name}}",
	    "deep deep Inner" },
	{ "dotted broken", "[{{a.x.c}}]", "[]" },
	{ "dotted rest strict", "{{#a}}[{{b.name}}]{{/a}}", "[]" },
	{ "dotted first up the stack", "{{#inner}}{{a.b.c}}{{/inner}}",
	    "deep" },
	{ "dotted is not a key", "{{#items}}{{n.x}}{{/items}}", "" },
	{ "padding", "|{{ name }}|{{{ name }}}|{{& name }}|", "|Joe|Joe|Joe|" },
	{ "standalone var keeps line", "  {{name}}\n", "  Joe\n" },
	{ "standalone raw keeps line", "  {{{name}}}\n  {{&name}}\n",
	    "  Joe\n  Joe\n" },
	{ "surrounding blanks", "| {{name}} | {{{name}}} | {{&name}} |",
	    "| Joe | Joe | Joe |" },
	{ "no re-interpolation", "{{tmpl}}: {{{tmpl}}}",
	    "{{name}}: {{name}}" },
	{ "int raw", "{{{num}}} {{&neg}}", "85 -7" },
	{ "float raw", "{{{flt}}} {{&half}}", "1.21 1.5" },
	{ "null ampersand", "[{{&nul}}]", "[]" },
	{ "dotted never one key", "[{{p.q}}]", "[]" },
	{ "dotted not masked by a key", "{{x.y}}", "split" },
	{ "dotted rest not from the stack", "[{{hollow.inner.name}}]", "[]" },
	{ "dotted first part wins", "{{#hollow}}[{{inner.name}}]{{/hollow}}",
	    "[]" },
	{ "implicit raw", "{{#inner}}{{#html}}{{{.}}}{{&.}}{{/html}}"
	    "{{/inner}}", "<b>&\"<b>&\"" },
	{ "implicit numbers", "{{#nums}}({{.}}){{/nums}}", "(1)(2.5)" },
	/* sections */
	{ "section true", "{{#t}}y{{/t}}", "y" },
	{ "section false", "{{#f}}y{{/f}}", "" },
	{ "section null", "{{#nul}}y{{/nul}}", "" },
	{ "section miss", "{{#nope}}y{{/nope}}", "" },
	{ "section empty list", "{{#elist}}y{{/elist}}", "" },
	{ "section empty string falsey", "{{#empty}}y{{/empty}}", "" },
	{ "section zero truthy", "{{#zero}}{{.}}{{/zero}}", "0" },
	{ "section map pushes", "{{#inner}}{{name}}{{/inner}}", "Inner" },
	{ "section parent lookup", "{{#inner}}{{num}}{{/inner}}", "85" },
	{ "section scalar pushes", "{{#name}}{{.}}{{/name}}", "Joe" },
	{ "section list", "{{#items}}{{n}},{{/items}}", "a,b,c," },
	{ "section list parent", "{{#items}}{{name}}{{/items}}", "JoeJoeJoe" },
	{ "implicit iterator", "{{#words}}({{.}}){{/words}}", "(x)(y)(z)" },
	{ "implicit nested", "{{#nested}}[{{#.}}{{.}}{{/.}}]{{/nested}}",
	    "[12][3]" },
	{ "implicit escape", "{{#inner}}{{#html}}{{.}}{{/html}}{{/inner}}",
	    "&lt;b&gt;&amp;&quot;" },
	{ "dotted section", "{{#a.b}}{{c}}{{/a.b}}", "deep" },
	{ "dotted section broken", "{{#a.x}}y{{/a.x}}", "" },
	{ "doubled", "{{#t}}1{{/t}}{{#t}}2{{/t}}", "12" },
	{ "standalone section", "a\n  {{#t}}\nb\n  {{/t}}\nc\n",
	    "a\nb\nc\n" },
	{ "section crlf", "{{#t}}\r\nb\r\n{{/t}}\r\n", "b\r\n" },
	{ "section inline keeps", " {{#t}}x{{/t}} \n", " x \n" },
	{ "section no final newline", "a\n{{#t}}\nb\n{{/t}}", "a\nb\n" },
	{ "section padding", "|{{# t }}={{/ t }}|", "|=|" },
	{ "section value and name", "{{#name}}{{.}} is {{name}}{{/name}}",
	    "Joe is Joe" },
	{ "nested lists see the stack",
	    "{{#items}}{{#words}}{{n}}{{.}}{{/words}}{{/items}}",
	    "axayazbxbybzcxcycz" },
	{ "deep context stack", "{{#l1}}{{one}}{{#l2}}{{one}}{{two}}{{#l3}}"
	    "{{one}}{{two}}{{three}}{{/l3}}{{/l2}}{{/l1}}", "112123" },
	{ "section nested true", "| A {{#t}}B {{#t}}C{{/t}} D{{/t}} E |",
	    "| A B C D E |" },
	{ "section nested false", "| A {{#f}}B {{#f}}C{{/f}} D{{/f}} E |",
	    "| A  E |" },
	{ "dotted section true", "{{#flags.on}}y{{/flags.on}}", "y" },
	{ "dotted section false", "[{{#flags.off}}y{{/flags.off}}]", "[]" },
	{ "section surrounding blanks", " | {{#t}}\t|\t{{/t}} | \n",
	    " | \t|\t | \n" },
	{ "section internal blanks", " | {{#t}} {{! c }}\n {{/t}} | \n",
	    " |  \n  | \n" },
	{ "section indented inline", " {{#t}}Y{{/t}}\n {{#t}}Z{{/t}}\n",
	    " Y\n Z\n" },
	{ "section first line", "  {{#t}}\n#{{/t}}\n/", "#\n/" },
	{ "section last line", "#{{#t}}\n/\n  {{/t}}", "#\n/\n" },
	{ "section doubled standalone", "{{#t}}\n* a\n{{/t}}\n* {{name}}\n"
	    "{{#t}}\n* c\n{{/t}}\n", "* a\n* Joe\n* c\n" },
	/* inverted */
	{ "inverted false", "{{^f}}y{{/f}}", "y" },
	{ "inverted true", "{{^t}}y{{/t}}", "" },
	{ "inverted null", "{{^nul}}y{{/nul}}", "y" },
	{ "inverted map", "{{^inner}}y{{/inner}}", "" },
	{ "inverted list", "{{^items}}y{{/items}}", "" },
	{ "inverted empty list", "{{^elist}}y{{/elist}}", "y" },
	{ "inverted miss", "{{^nope}}y{{/nope}}", "y" },
	{ "inverted dotted", "{{^a.b.x}}y{{/a.b.x}}", "y" },
	{ "inverted standalone", "a\n {{^f}}\nb\n {{/f}}\n", "a\nb\n" },
	{ "inverted doubled", "{{^f}}\n* a\n{{/f}}\n* {{name}}\n"
	    "{{^f}}\n* c\n{{/f}}\n", "* a\n* Joe\n* c\n" },
	{ "inverted nested false", "| A {{^f}}B {{^f}}C{{/f}} D{{/f}} E |",
	    "| A B C D E |" },
	{ "inverted nested true", "| A {{^t}}B {{^t}}C{{/t}} D{{/t}} E |",
	    "| A  E |" },
	{ "inverted dotted true", "[{{^flags.on}}y{{/flags.on}}]", "[]" },
	{ "inverted dotted false", "{{^flags.off}}y{{/flags.off}}", "y" },
	{ "inverted surrounding blanks", " | {{^f}}\t|\t{{/f}} | \n",
	    " | \t|\t | \n" },
	{ "inverted internal blanks", " | {{^f}} {{! c }}\n {{/f}} | \n",
	    " |  \n  | \n" },
	{ "inverted indented inline", " {{^f}}N{{/f}}\n {{^f}}O{{/f}}\n",
	    " N\n O\n" },
	{ "inverted crlf", "|\r\n{{^f}}\r\n{{/f}}\r\n|", "|\r\n|" },
	{ "inverted first line", "  {{^f}}\n^{{/f}}\n/", "^\n/" },
	{ "inverted last line", "^{{^f}}\n/\n  {{/f}}", "^\n/\n" },
	{ "inverted padding", "|{{^ f }}={{/ f }}|", "|=|" },
	/* partials */
	{ "partial", "{{>p1}}", "[Joe]" },
	{ "partial missing", "<{{>nope}}>", "<>" },
	{ "partial context", "{{#inner}}{{>p1}}{{/inner}}", "[Inner]" },
	{ "partial nested", "{{>nested}}", "([Joe])" },
	{ "partial inline no indent", "  {{name}} {{>two}}\n",
	    "  Joe >\n>\n" },
	{ "partial standalone indents", "\\\n {{>lines}}\n/\n",
	    "\\\n |\n <b>&\"\n |\n/\n" },
	{ "partial standalone no newline", ">\n  {{>two}}", ">\n  >\n  >" },
	{ "partial standalone first line", "  {{>two}}\n>", "  >\n  >>" },
	{ "partial crlf", "|\r\n{{>two}}\r\n|", "|\r\n>\n>|" },
	{ "partial blank line not indented", "  {{>blank}}\n",
	    "  a\n\n  b\n" },
	{ "partial inline in indented", "  {{>mid}}\n", "  a [Joe]" },
	{ "partial indent ends with partial", "  {{>wrap}}\n", "  x\n|" },
	{ "partial padding", "|{{> p1 }}|", "|[Joe]|" },
	{ "partial recursion ends", "{{#tree}}{{>node}}{{/tree}}", "X<Y<>>" },
	{ "partial surrounding blanks", "| {{>p1}} |", "| [Joe] |" },
	/* dynamic names */
	{ "partial dynamic", "{{>*which}}", "[Joe]" },
	{ "partial dynamic miss", "<{{>*nope}}>", "<>" },
	{ "dynamic names a missing partial", "<{{>*ghost}}>", "<>" },
	{ "dynamic context", "{{#inner}}{{>*which}}{{/inner}}", "[Inner]" },
	{ "dynamic dotted", "{{>*dyn.part}}", "[Joe]" },
	{ "dynamic dotted broken", "<{{>*dyn.x.part}}>", "<>" },
	{ "dynamic dotted pushes nothing",
	    "{{#inner}}{{>*dyn.part}}{{/inner}}", "[Inner]" },
	{ "dynamic dotted in a list", "{{#words}}{{>*dyn.part}}{{/words}}",
	    "[Joe][Joe][Joe]" },
	{ "dynamic recursion", "{{#tree}}{{>*kind}}{{/tree}}", "X<Y<>>" },
	{ "dynamic once only", "<{{>**which}}>", "<>" },
	{ "dynamic resolved whole first", "<{{>*dyn.*part}}>", "<>" },
	{ "dynamic surrounding blanks", "| {{>*which}} |", "| [Joe] |" },
	{ "dynamic inline no indent", "  {{name}}  {{>*twoname}}\n",
	    "  Joe  >\n>\n" },
	{ "dynamic crlf", "|\r\n{{>*twoname}}\r\n|", "|\r\n>\n>|" },
	{ "dynamic first line", "  {{>*twoname}}\n>", "  >\n  >>" },
	{ "dynamic last line", ">\n  {{>*twoname}}", ">\n  >\n  >" },
	{ "dynamic standalone indents", "\\\n {{>*linesname}}\n/\n",
	    "\\\n |\n <b>&\"\n |\n/\n" },
	{ "dynamic padding", "|{{> * which }}|", "|[Joe]|" },
	{ "dynamic parent", "{{<*pname}}{{$b}}new{{/b}}{{/*pname}}",
	    "<new|keep>" },
	/* inheritance */
	{ "parent default", "{{<parent}}{{/parent}}", "<default|keep>" },
	{ "parent override", "{{<parent}}{{$b}}new{{/b}}{{/parent}}",
	    "<new|keep>" },
	{ "block alone", "{{$b}}x{{/b}}", "x" },
	{ "block default renders tags", "{{$b}}<{{name}}|{{{html}}}|{{#inner}}"
	    "{{name}}{{/inner}}|{{^f}}n{{/f}}>{{/b}}",
	    "<Joe|<b>&\"|Inner|n>" },
	{ "block default not re-parsed", "{{$b}}{{tmpl}}{{/b}}", "{{name}}" },
	{ "parent as partial", "{{>parent}}|{{<parent}}{{/parent}}",
	    "<default|keep>|<default|keep>" },
	{ "data does not fill a block", "{{<named}}{{/named}}",
	    "from partial" },
	{ "data does not override a block",
	    "{{<named}}{{$name}}from here{{/name}}{{/named}}", "from here" },
	{ "parent inline", "test {{<parent}}{{$b}}o{{/b}}{{/parent}}",
	    "test <o|keep>" },
	{ "two parents", "{{<parent}}{{$b}}1{{/b}}{{/parent}} "
	    "{{<parent}}{{$b}}2{{/b}}{{/parent}}", "<1|keep> <2|keep>" },
	{ "override with line breaks",
	    "{{<parent}}{{$b}}\nx\n\ny\n{{/b}}{{/parent}}", "<x\n\ny\n|keep>" },
	{ "override inherits indentation",
	    "{{<stop}}{{$n}}hammer{{/n}}{{/stop}}", "stop:\n  hammer\n" },
	{ "outermost override wins", "{{<middle}}{{$a}}c{{/a}}{{/middle}}",
	    "c" },
	{ "nearest override by default", "{{<middle}}{{/middle}}", "m" },
	{ "parent recursion", "{{<rec1}}{{$x}}o{{/x}}{{/rec1}}",
	    "o o o stop" },
	{ "text in parent ignored",
	    "{{<parent}} junk {{$b}}n{{/b}} junk {{/parent}}", "<n|keep>" },
	{ "only text in parent", "{{<parent}} junk {{/parent}}",
	    "<default|keep>" },
	{ "block inside its own override",
	    "{{<parent}}{{$b}}[{{$b}}x{{/b}}]{{/b}}{{/parent}}", "<[x]|keep>" },
	{ "a parent in an override keeps its own blocks", "{{<parent}}{{$b}}"
	    "{{<parent}}{{$c}}in{{/c}}{{/parent}}{{/b}}{{$c}}out{{/c}}"
	    "{{/parent}}", "<<default|in>|out>" },
	{ "block scope is the parent's",
	    "{{<scoped}}{{$s}}I say {{name}}.{{/s}}{{/scoped}}",
	    "I say Inner." },
	{ "standalone parent", "Hi,\n  {{<blank}}{{/blank}}\n",
	    "Hi,\n  a\n\n  b\n" },
	{ "standalone block", "{{<hi_inline}}{{$block}}\none\ntwo{{/block}}\n"
	    "{{/hi_inline}}\n", "Hi,\n  one\n  two\n" },
	{ "block reindented", "{{<hi_lines}}{{$block}}\n    one\n    two\n"
	    "{{/block}}{{/hi_lines}}\n", "Hi,\n  one\n  two\n" },
	{ "block indented like its default", "{{<hi_default}}{{$block}}\none"
	    "\ntwo\n{{/block}}{{/hi_default}}\n", "Hi,\n  one\n  two\n" },
	{ "nested block reindented", "{{<nest_p}}{{$nested}}\nthree\n"
	    "{{/nested}}{{/nest_p}}\n", "one\n  three\n" },
	{ "block in an indented parent", "  {{<hi_lines}}{{$block}}\none\n"
	    "{{/block}}{{/hi_lines}}\n", "  Hi,\n    one\n" },
	{ "override keeps deeper lines", "{{<hi_lines}}{{$block}}\n  if\n"
	    "    then\n{{/block}}{{/hi_lines}}", "Hi,\n  if\n    then\n" },
	{ "override blank lines stay empty", "{{<hi_lines}}{{$block}}\n  a\n"
	    "\n  b\n{{/block}}{{/hi_lines}}", "Hi,\n  a\n\n  b\n" },
	{ "override partial lines reindented", "{{<hi_lines}}{{$block}}\n"
	    "    {{>two}}\n{{/block}}{{/hi_lines}}", "Hi,\n  >\n  >\n" },
	{ "override ends its last line",
	    "{{<hi_lines}}{{$block}}one{{/block}}{{/hi_lines}}",
	    "Hi,\n  one\n" },
	{ "empty override removes the lines",
	    "{{<hi_default}}{{$block}}{{/block}}{{/hi_default}}", "Hi,\n" },
	{ "block keeps crlf", "{{<hi_crlf}}{{$block}}one{{/block}}"
	    "{{/hi_crlf}}", "Hi,\r\n  one\r\n" },
	/* filters */
	{ "filter", "{{id | pascal}} {{id|upper_snake}}",
	    "NotFound NOT_FOUND" },
	{ "filter chain", "{{id | pascal | upper}}", "NOTFOUND" },
	{ "filter then escape", "{{html | upper}}", "&lt;B&gt;&amp;&quot;" },
	{ "filter raw", "{{{html | upper}}}", "<B>&\"" },
	{ "filter on a number", "{{num | upper}}", "85" },
	{ "filter on a miss", "[{{nope | upper}}]", "[]" },
	{ "filter on dotted", "{{inner.name | upper}}", "INNER" },
	{ "filter on dot", "{{#words}}{{. | upper}}{{/words}}", "XYZ" },
	/* list position */
	{ "index", "{{#words}}{{@index}}{{/words}}", "012" },
	{ "first", "{{#words}}{{#@first}}^{{/@first}}{{.}}{{/words}}",
	    "^xyz" },
	{ "last", "{{#words}}{{.}}{{^@last}},{{/@last}}{{/words}}", "x,y,z" },
	{ "innermost list",
	    "{{#nested}}{{#.}}{{@index}}{{/.}}{{@last}};{{/nested}}",
	    "01false;0true;" },
	{ "index section", "{{#words}}{{#@index}}{{.}}{{/@index}}{{/words}}",
	    "012" },
	{ "position outside a list", "[{{@first}}{{@index}}]", "[]" },
	{ "position through a map section",
	    "{{#words}}{{#inner}}{{@index}}{{/inner}}{{/words}}", "012" },
	/*
	 * names looked up through the context stack, by interned key: a
	 * name of no map, or of another map than those in context, finds
	 * nothing
	 */
	{ "name of no map", "[{{nosuch}}{{#nosuch}}y{{/nosuch}}{{a.nosuch.c}}"
	    "{{^nosuch}}n{{/nosuch}}]", "[n]" },
	{ "a key of another map", "[{{n}}{{part}}{{content}}{{a.c}}]", "[]" },
	{ "nested walks of one list", "{{#evens}}({{#evens}}{{even}}{{/evens}})"
	    "{{even}};{{/evens}}", "(e0e0e2)e0;(e0e2);(e0e2e2)e2;" },
	{ "names some items shadow",
	    "{{#shadow}}{{name}}|{{name|upper}};{{/shadow}}",
	    "Joe|JOE;inner|INNER;Joe|JOE;again|AGAIN;" },
	{ "one partial in different contexts",
	    "{{#inner}}{{>p1}}{{/inner}}{{>p1}}{{#inner}}{{>p1}}{{/inner}}",
	    "[Inner][Joe][Inner]" },
	{ "a section's name under a list",
	    "{{#inner}}{{#words}}{{name}}{{.}}{{/words}}{{/inner}}"
	    "{{#words}}{{name}}{{/words}}", "InnerxInneryInnerzJoeJoeJoe" },
	{ "escaped text under a list", "{{#words}}{{html}}{{/words}}",
	    "&lt;b&gt;&amp;&quot;&lt;b&gt;&amp;&quot;&lt;b&gt;&amp;&quot;" },
	{ "empty text under a list", "{{#words}}[{{empty}}]{{/words}}",
	    "[][][]" },
	{ "dotted names under a list",
	    "{{#shadow}}{{a.b.c}}{{inner.name}}.{{inner.nope}};{{/shadow}}",
	    "deepInner.;deepInner.;deepInner.;deepInner.;" },
	{ "index section keeps its value",
	    "{{#words}}{{#@index}}{{#nested}}{{@index}}{{/nested}}{{.}}"
	    "{{/@index}}{{/words}}", "010011012" },
};

static void
test_tmpl_render_spec_cases(void **state)
{
	struct fixture *f = *state;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = render(f, cases[i].text, false);

		if (rc != 0 || strcmp(f->out.ptr, cases[i].expected) != 0) {
			print_error("case '%s': rc %d, got '%s', want '%s'\n",
			    cases[i].name, rc, f->out.ptr, cases[i].expected);
			fail();
		}
		assert_true(buf_check(&f->out));
	}
}

/* A buf_sink's write that collects into a buffer. */
static void
collect(void *ctx, const char *p, size_t n)
{
	buf_add(ctx, p, n);
}

/*
 * The renderer looks back at what it wrote (to end a block's open last
 * line, and for the output limit): streamed through a sink that takes
 * the bytes at every growth, each case must still render the same,
 * with the hand-over falling at every point of its output in turn.
 */
static void
test_tmpl_render_spec_cases_streamed(void **state)
{
	struct fixture *f = *state;
	struct tmpl_opts opts = { ESCAPE_HTML, false, 0, NULL };
	struct buf got = BUF_INIT, text = BUF_INIT;
	struct buf_sink sink = BUF_SINK_INIT(collect, &got);
	struct tmpl *t;
	size_t i, pad;

	sink.threshold = 0;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		for (pad = 0; pad < 140; pad++) {
			buf_reset(&text);
			buf_addf(&text, "%*s\n%s", (int)pad, "",
			    cases[i].text);
			buf_release(&f->out);
			buf_reset(&got);
			sink.flushed = 0;
			buf_stream(&f->out, &sink);
			assert_int_equal(tmpl_parse(&f->a, f->keys,
			    "t.mustache", text.ptr, text.len, &f->d, &t), 0);
			assert_int_equal(tmpl_render(t, f->data, &opts,
			    &f->loader, &f->a, &f->out, &f->d), 0);
			assert_true(buf_check(&f->out));
			assert_int_equal(buf_pos(&f->out), pad + 1 +
			    strlen(cases[i].expected));
			buf_add(&got, f->out.ptr, f->out.len);
			if (got.len != pad + 1 + strlen(cases[i].expected) ||
			    strcmp(got.ptr + pad + 1,
			    cases[i].expected) != 0) {
				print_error("case '%s', pad %zu: got '%s'\n",
				    cases[i].name, pad, got.ptr + pad + 1);
				fail();
			}
		}
	}
	buf_release(&got);
	buf_release(&text);
}

/* The output limit counts the bytes already handed to a sink. */
static void
test_tmpl_render_limits_streamed_output(void **state)
{
	struct fixture *f = *state;
	struct tmpl_opts opts = { ESCAPE_NONE, false, 100, NULL };
	struct buf got = BUF_INIT;
	struct buf_sink sink = BUF_SINK_INIT(collect, &got);
	struct tmpl *t;
	const char *text = "{{#words}}{{#words}}{{#words}}{{#words}}"
	    "{{name}}{{/words}}{{/words}}{{/words}}{{/words}}";

	sink.threshold = 0;
	buf_stream(&f->out, &sink);
	assert_non_null(t = parse(f, text));
	assert_int_equal(tmpl_render(t, f->data, &opts, NULL, &f->a, &f->out,
	    &f->d), -1);
	assert_string_equal(f->d.items[0].msg, "output exceeds 100 bytes");
	assert_true(sink.flushed > 0);
	buf_release(&got);
}

/*
 * Renders text, which must fail, and checks the diagnostics, joined by
 * newlines; name says which case failed.
 */
static void
expect_errors_named(struct fixture *f, const char *name, const char *text,
    bool strict, const char *want)
{
	struct buf all = BUF_INIT;
	size_t i;
	int rc;

	diag_release(&f->d);
	rc = render(f, text, strict);
	for (i = 0; i < f->d.n; i++) {
		char *s = entry_text(&f->d, i);

		buf_addf(&all, "%s%s", i ? "\n" : "", s);
		free(s);
	}
	if (rc != -1 || strcmp(all.ptr, want) != 0) {
		print_error("case '%s': rc %d, got:\n%s\nwant:\n%s\n", name,
		    rc, all.ptr, want);
		buf_release(&all);
		fail();
	}
	buf_release(&all);
}

static void
expect_errors(struct fixture *f, const char *text, bool strict,
    const char *want)
{
	expect_errors_named(f, text, text, strict, want);
}

/* Each escaping mode, for {{q}}, {{{q}}} and a filter that escapes. */
static const struct {
	enum escape_mode mode;
	const char *expected;
} escapes[] = {
	{ ESCAPE_HTML, "1&quot;2\\3\n&lt;&amp;&gt;*/|1\"2\\3\n<&>*/|"
	    "1\"2\\3 <&>*/" },
	{ ESCAPE_NONE, "1\"2\\3\n<&>*/|1\"2\\3\n<&>*/|1\"2\\3 <&>*/" },
	{ ESCAPE_C, "1\\\"2\\\\3\\n<&>*/|1\"2\\3\n<&>*/|1\"2\\3 <&>* /" },
	{ ESCAPE_PYTHON, "1\\\"2\\\\3\\n<&>*/|1\"2\\3\n<&>*/|"
	    "1\"2\\3 <&>*/" },
	{ ESCAPE_GO, "1\\\"2\\\\3\\n<&>*/|1\"2\\3\n<&>*/|1\"2\\3 <&>*/" },
	{ ESCAPE_MARKDOWN, "1\"2\\\\3 &lt;\\&\\>\\*/|1\"2\\3\n<&>*/|"
	    "1\"2\\3 <&>*/" },
};

static void
test_tmpl_render_escape_modes(void **state)
{
	struct fixture *f = *state;
	struct tmpl *t = parse(f, "{{q}}|{{{q}}}|{{q | comment}}");
	struct tmpl_opts opts;
	size_t i;

	assert_non_null(t);
	for (i = 0; i < sizeof(escapes) / sizeof(escapes[0]); i++) {
		memset(&opts, 0, sizeof(opts));
		opts.escape = escapes[i].mode;
		buf_reset(&f->out);
		assert_int_equal(tmpl_render(t, f->data, &opts, NULL, &f->a,
		    &f->out, &f->d), 0);
		if (strcmp(f->out.ptr, escapes[i].expected) != 0) {
			print_error("mode %d: got '%s', want '%s'\n",
			    (int)escapes[i].mode, f->out.ptr,
			    escapes[i].expected);
			fail();
		}
	}
}

/* The root itself may be a list: {{#.}} walks it. */
static void
test_tmpl_render_root_list(void **state)
{
	struct fixture *f = *state;
	const struct value *root = load(f, "- {v: a}\n- {v: b}\n");

	assert_int_equal(render_root(f, root, "{{#.}}({{v}}){{/.}}",
	    ESCAPE_NONE, true), 0);
	assert_string_equal(f->out.ptr, "(a)(b)");
}

/* Render-time errors, each with the position of the tag at fault. */
static const struct {
	const char *name, *text;
	bool strict;
	const char *want;
} render_errors[] = {
	{ "unknown name in a partial", "x {{>tail}}", true,
	    "tail:2:1: error: 'nope' is not defined\n"
	    "t.mustache:1:3: note: partial 'tail' included here" },
	{ "unknown name two partials down", "\n{{>*wrapname}}", true,
	    "tail:2:1: error: 'nope' is not defined\n"
	    "wrap:1:1: note: partial 'tail' included here\n"
	    "t.mustache:2:1: note: partial 'wrap' included here" },
	{ "error two partials down", "{{>badder}}", false,
	    "bad:1:7: error: section 'x' is never closed\n"
	    "bad:1:1: note: section 'x' opened here\n"
	    "badder:1:2: note: partial 'bad' included here\n"
	    "t.mustache:1:1: note: partial 'badder' included here" },
	{ "missing dynamic partial", "\n  {{>*ghost}}", true,
	    "t.mustache:2:3: error: partial 'nosuch' not found" },
	{ "dynamic name not a string", "{{>*num}}", true,
	    "t.mustache:1:1: error: dynamic name 'num' is not a string" },
	{ "a miss in a list is reported once", "{{#words}}{{zz}}{{/words}}",
	    true, "t.mustache:1:11: error: 'zz' is not defined" },
	{ "dynamic name undefined", "{{>*nope}}", true,
	    "t.mustache:1:1: error: 'nope' is not defined" },
	{ "missing parent", "{{<nope}}{{$b}}{{/b}}{{/nope}}", true,
	    "t.mustache:1:1: error: partial 'nope' not found" },
	{ "unknown name in a block", "{{<parent}}{{$b}}{{zip}}{{/b}}"
	    "{{/parent}}", true,
	    "t.mustache:1:18: error: 'zip' is not defined" },
	{ "parent recursion", "{{<ploop}}{{/ploop}}", false,
	    "ploop:1:1: error: partials nested deeper than 64 (from 'ploop')" },
	{ "error in a parent", "\n{{<bad}}{{/bad}}", false,
	    "bad:1:7: error: section 'x' is never closed\n"
	    "bad:1:1: note: section 'x' opened here\n"
	    "t.mustache:2:1: note: partial 'bad' included here" },
	{ "error in a dynamic partial", "{{#inner}}\n {{>*badname}}{{/inner}}",
	    false,
	    "bad:1:7: error: section 'x' is never closed\n"
	    "bad:1:1: note: section 'x' opened here\n"
	    "t.mustache:2:2: note: partial 'bad' included here" },
	{ "a key of another map, strict", "{{#inner}}{{n}}{{/inner}}", true,
	    "t.mustache:1:11: error: 'n' is not defined" },
	{ "a name of no map, strict", "{{a.nosuch}}", true,
	    "t.mustache:1:1: error: 'a.nosuch' is not defined" },
};

static void
test_tmpl_render_reports_errors(void **state)
{
	size_t i;

	for (i = 0; i < sizeof(render_errors) / sizeof(render_errors[0]);
	    i++) {
		expect_errors_named(*state, render_errors[i].name,
		    render_errors[i].text, render_errors[i].strict,
		    render_errors[i].want);
	}
}

static void
test_tmpl_render_strict_reports_unknown_name(void **state)
{
	expect_errors(*state, "a\n{{#t}}\n\n  {{statuz}}\n{{/t}}", true,
	    "t.mustache:4:3: error: 'statuz' is not defined");
}

static void
test_tmpl_render_strict_reports_every_miss(void **state)
{
	expect_errors(*state, "{{#w}}{{/w}}{{a.b.x}}{{>nope}}", true,
	    "t.mustache:1:1: error: 'w' is not defined\n"
	    "t.mustache:1:13: error: 'a.b.x' is not defined\n"
	    "t.mustache:1:22: error: partial 'nope' not found");
}

static void
test_tmpl_render_strict_accepts_null(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(render(f, "[{{nul}}]{{^nul}}n{{/nul}}", true), 0);
	assert_string_equal(f->out.ptr, "[]n");
	assert_false(diag_has_errors(&f->d));
}

/*
 * The data may leave out any x- key, so strict mode reads a missing one,
 * or a name through one, as null; only a part that starts "x-" and goes on does.
 */
static void
test_tmpl_render_strict_accepts_missing_extension(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(render(f, "[{{x-a}}{{a.x-b}}{{x-c.d}}]"
	    "{{^a.x-b}}n{{/a.x-b}}{{#inner}}{{x-e}}{{/inner}}", true), 0);
	assert_string_equal(f->out.ptr, "[]n");
	assert_false(diag_has_errors(&f->d));
	expect_errors(*state, "{{ax-b}}{{a.bx-c}}{{x-}}", true,
	    "t.mustache:1:1: error: 'ax-b' is not defined\n"
	    "t.mustache:1:9: error: 'a.bx-c' is not defined\n"
	    "t.mustache:1:19: error: 'x-' is not defined");
}

static void
test_tmpl_render_strict_position_outside_list(void **state)
{
	expect_errors(*state, "{{@first}}", true,
	    "t.mustache:1:1: error: '@first' is not defined");
}

static void
test_tmpl_render_bounds_partial_depth(void **state)
{
	expect_errors(*state, "x\n {{>loop}}", false,
	    "loop:1:1: error: partials nested deeper than 64 (from 'loop')");
}

/*
 * Names are resolved when a template is parsed: a key interned only
 * after the parse is not one the template names, so the data that
 * brings it finds nothing for it (an error when strict), while the same
 * text parsed after finds it.  Partials are parsed by the loader at
 * render time, after the data, and find it.
 */
static void
test_tmpl_render_resolves_names_at_parse(void **state)
{
	struct fixture *f = *state;
	struct tmpl_opts opts = { ESCAPE_NONE, false, 0, NULL };
	const char *text = "[{{late}}{{#late}}+{{/late}}{{^late}}-{{/late}}]";
	struct tmpl *before = parse(f, text), *after;
	static const char *const want[] = {
		"t.mustache:1:2: error: 'late' is not defined",
		"t.mustache:1:10: error: 'late' is not defined",
		"t.mustache:1:29: error: 'late' is not defined",
	};
	const struct value *root;
	size_t i;
	char *s;

	assert_non_null(before);
	assert_null(keys_find(f->keys, "late", 4));
	root = load(f, "late: here\n");
	after = parse(f, text);
	assert_int_equal(tmpl_render(before, root, &opts, &f->loader, &f->a,
	    &f->out, &f->d), 0);
	assert_string_equal(f->out.ptr, "[-]");
	buf_reset(&f->out);
	assert_int_equal(tmpl_render(after, root, &opts, &f->loader, &f->a,
	    &f->out, &f->d), 0);
	assert_string_equal(f->out.ptr, "[here+]");
	opts.strict = true;
	buf_reset(&f->out);
	assert_int_equal(tmpl_render(before, root, &opts, &f->loader, &f->a,
	    &f->out, &f->d), -1);
	assert_int_equal(f->d.n, 3);
	for (i = 0; i < 3; i++) {
		s = entry_text(&f->d, i);
		assert_string_equal(s, want[i]);
		free(s);
	}
}

/* A partial is looked up and parsed once per render, however often used. */
static void
test_tmpl_render_finds_each_partial_once(void **state)
{
	struct fixture *f = *state;

	f->finds = 0;
	assert_int_equal(render_root(f, f->data,
	    "{{#words}}{{>p1}}{{>nope}}{{/words}}{{>p1}}", ESCAPE_NONE,
	    false), 0);
	assert_string_equal(f->out.ptr, "[Joe][Joe][Joe][Joe]");
	assert_int_equal(f->finds, 2);
}

/*
 * A loader's system error (find returns -1) stops the render where it
 * stands with the loader's own message and no note: the include chain
 * is for errors in a partial's text, not for a file that cannot be read.
 */
static void
test_tmpl_render_stops_at_loader_failure(void **state)
{
	struct fixture *f = *state;
	char *s;

	assert_int_equal(render(f, "a{{>ioerr}}b{{>p1}}", false), -1);
	assert_string_equal(f->out.ptr, "a");
	assert_int_equal(f->d.n, 1);
	assert_int_equal(f->d.fail, DIAG_IOERR);
	s = entry_text(&f->d, 0);
	assert_string_equal(s, "gen: error: ioerr.mustache: "
	    "Input/output error");
	free(s);
}

/* Each level prints an x: exactly the limit's worth get through. */
static void
test_tmpl_render_stops_at_partial_limit(void **state)
{
	struct fixture *f = *state;
	size_t i;

	assert_int_equal(render(f, "{{>xloop}}", false), -1);
	assert_int_equal(f->out.len, TMPL_MAX_PARTIAL_DEPTH);
	for (i = 0; i < f->out.len; i++)
		assert_int_equal(f->out.ptr[i], 'x');
}

/*
 * A partial that does not parse: find() reports its errors and returns
 * TMPL_BAD, and the render adds where it was included, and stops.
 */
static void
test_tmpl_render_reports_bad_partial(void **state)
{
	struct fixture *f = *state;

	expect_errors(f, "x {{>bad}}{{>p1}}", false,
	    "bad:1:7: error: section 'x' is never closed\n"
	    "bad:1:1: note: section 'x' opened here\n"
	    "t.mustache:1:3: note: partial 'bad' included here");
	assert_string_equal(f->out.ptr, "x ");
}

static void
test_tmpl_render_limits_output(void **state)
{
	struct fixture *f = *state;
	struct tmpl_opts opts = { ESCAPE_NONE, false, 4, NULL };
	struct tmpl *t = parse(f, "ab{{name}}{{name}}");

	assert_int_equal(tmpl_render(t, f->data, &opts, NULL, &f->a, &f->out,
	    &f->d), -1);
	assert_string_equal(f->d.items[0].msg, "output exceeds 4 bytes");
}

static void
test_tmpl_render_escape_none_and_no_loader(void **state)
{
	struct fixture *f = *state;
	struct tmpl_opts opts = { ESCAPE_NONE, false, 0, NULL };
	struct tmpl *t = parse(f, "{{html}}<{{>p1}}>");

	assert_int_equal(tmpl_render(t, f->data, &opts, NULL, &f->a, &f->out,
	    &f->d), 0);
	assert_string_equal(f->out.ptr, "<b>&\"<>");
}

/*
 * Many items through one parsed tree, which is then reused.  The items
 * are made as a view makes its maps: one array of keys shared by all,
 * each with its own values.
 */
static void
test_tmpl_render_many_items(void **state)
{
	enum { N = 100000 };
	struct fixture *f = *state;
	struct tmpl_opts opts = { ESCAPE_NONE, true, 0, NULL };
	struct mkey *shape = arena_alloc(&f->a, sizeof(*shape) * 2);
	struct value *items = value_list(&f->a, N), *root, *m;
	struct tmpl *t;
	size_t i;

	shape[0] = (struct mkey){ keys_add(f->keys, "n", 1), 0, 0 };
	shape[1] = (struct mkey){ keys_add(f->keys, "items", 5), 0, 0 };
	t = parse(f, "{{#items}}{{n}}{{^@last}},{{/@last}}{{/items}}");
	for (i = 0; i < N; i++) {
		m = value_map(&f->a, shape, 1);
		m->items[0] = value_int(&f->a, (long long)i);
		items->items[i] = m;
	}
	root = value_map(&f->a, shape + 1, 1);
	root->items[0] = items;
	assert_int_equal(tmpl_render(t, root, &opts, NULL, &f->a, &f->out,
	    &f->d), 0);
	assert_int_equal(f->out.len, 588889);
	assert_memory_equal(f->out.ptr + f->out.len - 6, ",99999", 6);
	buf_reset(&f->out);
	assert_int_equal(tmpl_render(t, root, &opts, NULL, &f->a, &f->out,
	    &f->d), 0);
	assert_int_equal(f->out.len, 588889);
}

/*
 * Sections that hold only text are written without a frame: once per
 * item of a list, indented as any text, and cut at the output limit
 * where their own text passes it, reported once.
 */
static void
test_tmpl_render_text_sections(void **state)
{
	struct fixture *f = *state;
	struct tmpl_opts opts = { ESCAPE_NONE, false, 0, NULL };
	const struct value *root = load(f, "trio: [{a: 1}, {a: 2}, {a: 3}]\n"
	    "t: true\nf: false\nw: [x, y]\n");
	struct tmpl *t;

	assert_int_equal(render_root(f, root, "{{#trio}}-{{/trio}}|"
	    "{{#w}}a\nb{{/w}}|{{^f}}not{{/f}}{{^t}}never{{/t}}|{{#t}}{{/t}}"
	    "{{#f}}no{{/f}}\n  {{>textsec}}\n", ESCAPE_NONE, false), 0);
	/* The partial's one line with {{#w}} is indented once, as a line. */
	assert_string_equal(f->out.ptr, "---|a\nba\nb|not|\n"
	    "  1\n  2\n2\n  3\n");

	opts.max_output = 4;
	buf_reset(&f->out);
	t = parse(f, "ab{{#t}}cdef{{/t}}gh");
	assert_int_equal(tmpl_render(t, root, &opts, NULL, &f->a, &f->out,
	    &f->d), -1);
	assert_int_equal(f->d.n, 1);
	assert_string_equal(f->d.items[0].msg, "output exceeds 4 bytes");
	assert_int_equal(f->d.items[0].pos.col, 9);
}

/*
 * The numbers a view makes (value_int) are written from their spelling;
 * a file's, whose text may be 0x1F, 0o17 or 007, in decimal.
 */
static void
test_tmpl_render_ints_in_decimal(void **state)
{
	struct fixture *f = *state;
	const struct value *file = load(f, "hex: 0x1F\noct: 0o17\nlead: 007\n");
	struct mkey *k = arena_alloc(&f->a, sizeof(*k) * 4);
	struct value *root = value_map(&f->a, k, 4);
	size_t i;

	for (i = 0; i < 3; i++) {
		k[i] = file->u.keys[i];
		root->items[i] = file->items[i];
	}
	k[3] = (struct mkey){ keys_add(f->keys, "made", 4), 0, 0 };
	root->items[3] = value_int(&f->a, -31);
	assert_int_equal(render_root(f, root, "{{hex}} {{oct}} {{lead}} "
	    "{{made}} {{#hex}}{{.}}{{/hex}}", ESCAPE_NONE, true), 0);
	assert_string_equal(f->out.ptr, "31 15 7 -31 31");
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_tmpl_render_spec_cases),
		T(test_tmpl_render_spec_cases_streamed),
		T(test_tmpl_render_limits_streamed_output),
		T(test_tmpl_render_escape_modes),
		T(test_tmpl_render_root_list),
		T(test_tmpl_render_text_sections),
		T(test_tmpl_render_ints_in_decimal),
		T(test_tmpl_render_reports_errors),
		T(test_tmpl_render_strict_reports_unknown_name),
		T(test_tmpl_render_strict_reports_every_miss),
		T(test_tmpl_render_strict_accepts_null),
		T(test_tmpl_render_strict_accepts_missing_extension),
		T(test_tmpl_render_strict_position_outside_list),
		T(test_tmpl_render_bounds_partial_depth),
		T(test_tmpl_render_resolves_names_at_parse),
		T(test_tmpl_render_finds_each_partial_once),
		T(test_tmpl_render_stops_at_loader_failure),
		T(test_tmpl_render_stops_at_partial_limit),
		T(test_tmpl_render_reports_bad_partial),
		T(test_tmpl_render_limits_output),
		T(test_tmpl_render_escape_none_and_no_loader),
		T(test_tmpl_render_many_items),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
