# Fixtures shared by the completion tests (bash, zsh, fish): sh, sourced.

# completion_fixtures DIR: under DIR, a language of the user's
# (tpl/testlang, for --templates), a registry with other locales and sets
# (mini.yaml), a gen elsewhere whose --list-langs offers only 'viapath'
# (other/gen, to tell which gen a completion asks), and files to complete
# (work/: codes.yaml, old.txt, page.mustache and the directory outdir).
completion_fixtures() {
	user_lang "$1/tpl" testlang
	cat > "$1/mini.yaml" <<'EOF2'
registry:
  name: mini
  title: Mini
  locales: [fr, de]
sets:
  - {id: vendor, title: Vendor}
  - {id: other, title: Other}
  - {id: oldhat, title: Old hat}
classes:
  - {id: success, first: 200, last: 299, title: Success, description: ok}
statuses:
  - {code: 200, phrase: OK, status: standard, description: fine}
EOF2
	mkdir -p "$1/other" "$1/work/outdir"
	printf '#!/bin/sh\necho "viapath      the gen typed"\n' > "$1/other/gen"
	chmod +x "$1/other/gen"
	touch "$1/work/codes.yaml" "$1/work/old.txt" "$1/work/page.mustache"
}
