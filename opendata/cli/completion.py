"""``opendata completion bash|zsh``: a completion script generated from the parser itself, so it
never falls behind the verbs (install: ``eval "$(opendata completion bash)"``)."""

from __future__ import annotations

import argparse

from .common import EXIT_OK, out


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _options(parser: argparse.ArgumentParser) -> list[str]:
    return sorted(s for a in parser._actions for s in a.option_strings if s.startswith("--"))


def bash_script(parser: argparse.ArgumentParser) -> str:
    """A bash completion function: verbs, then each verb's actions and options, else file names."""
    verbs = _subparsers(parser)
    cases = []
    for verb, sub in sorted(verbs.items()):
        actions = _subparsers(sub)
        words = " ".join(sorted(actions) + _options(sub))
        cases.append(f'    {verb}) words="{words}" ;;')
        for action, leaf in sorted(actions.items()):
            cases.append(f'    "{verb} {action}") words="{" ".join(_options(leaf))}" ;;')
    body = "\n".join(cases)
    return f"""# opendata bash completion: eval "$(opendata completion bash)"
_opendata() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} words="" key=""
  local i verb="" action=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "${{COMP_WORDS[i]}}" in -*) ;; *) if [ -z "$verb" ]; then verb=${{COMP_WORDS[i]}}; elif [ -z "$action" ]; then action=${{COMP_WORDS[i]}}; fi ;; esac
  done
  if [ -z "$verb" ]; then
    COMPREPLY=($(compgen -W "{' '.join(sorted(verbs))} {' '.join(_options(parser))}" -- "$cur")); return
  fi
  key="$verb"; [ -n "$action" ] && key="$verb $action"
  case "$key" in
{body}
    "$verb"*) words="" ;;
  esac
  if [[ "$cur" == -* || -z "$action" && -n "$words" && "$words" != --* ]]; then
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  fi
  [ ${{#COMPREPLY[@]}} -eq 0 ] && COMPREPLY=($(compgen -f -- "$cur"))
  return 0
}}
complete -o filenames -F _opendata opendata
"""


def zsh_script(parser: argparse.ArgumentParser) -> str:
    """zsh runs the bash function through bashcompinit."""
    return "# opendata zsh completion: eval \"$(opendata completion zsh)\"\nautoload -U +X bashcompinit && bashcompinit\n" \
        + bash_script(parser)


def cmd_completion(args: argparse.Namespace) -> int:
    from .parser import build_parser

    parser = build_parser()
    out((bash_script if args.shell == "bash" else zsh_script)(parser).rstrip())
    return EXIT_OK


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser, h) -> None:
    p = sub.add_parser("completion", help=h("completion"), description=h("completion"), parents=[common])
    p.add_argument("shell", choices=["bash", "zsh"])
    p.set_defaults(func=cmd_completion)
