"""Sub-commands of `zhi` other than check/build/serve; each module has register(subparsers)."""
