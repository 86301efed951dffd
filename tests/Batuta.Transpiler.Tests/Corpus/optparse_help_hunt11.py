"""An optparse-based backup tool: its help screens, version, usage and error exits, as users see them."""
import optparse
import sys

DESCRIPTION = ("Back up the given directories into an archive. Files that did not change since the last run are "
               "skipped unless --full is given; %prog keeps the last few archives and removes the older ones.")


def make_parser(formatter=None):
    parser = optparse.OptionParser(usage="usage: %prog [options] DIR...", version="%prog 3.1.4", prog="backup",
                                   description=DESCRIPTION, formatter=formatter,
                                   epilog="Exit status is 0 on success and 2 on a usage error.")
    parser.add_option("-o", "--output", dest="archive", metavar="FILE", default="backup.tar",
                      help="write the archive to FILE (default: %default)")
    parser.add_option("-f", "--full", action="store_true", default=False, help="back up every file, changed or not")
    parser.add_option("-k", "--keep", type="int", default=5, help="keep the newest %default archives")
    parser.add_option("-z", "--compress", type="choice", choices=["gz", "bz2", "xz"], help="compress with gz, bz2 or xz [default: %default]")
    parser.add_option("--exclude-pattern-that-is-rather-long", dest="patterns", action="append", metavar="GLOB",
                      help="skip files matching GLOB; may be given several times and is matched against the path relative to each DIR")
    parser.add_option("--debug", action="store_true", help=optparse.SUPPRESS_HELP)
    group = optparse.OptionGroup(parser, "Network options", "Only used when the archive is sent to a remote host.")
    group.add_option("--host", help="remote host")
    group.add_option("--port", type="int", default=22, help="remote port [%default]")
    parser.add_option_group(group)
    advanced = parser.add_option_group("Advanced")
    advanced.add_option("--ratio", type="float", default=0.5, help="compression ratio target")
    return parser


def attempt(parser, argv):
    print(">>> backup %s" % " ".join(argv))
    try:
        options, args = parser.parse_args(argv)
    except SystemExit as e:
        print("[exit %s]" % e.code)
        return
    print("options: %s" % options)
    print("dirs: %s" % args)


def main():
    parser = make_parser()
    attempt(parser, ["-h"])
    attempt(parser, ["--version"])
    attempt(parser, ["-fk", "9", "-z", "xz", "home", "--host=example.org", "etc"])
    attempt(parser, ["--keep", "many"])
    attempt(parser, ["--ratio=x"])
    attempt(parser, ["-z", "zip"])
    attempt(parser, ["--nope"])
    attempt(parser, ["--ex=*.tmp", "--exclude", "*.bak", "--f"])
    attempt(parser, ["--full=yes"])
    attempt(parser, ["--port"])
    print(repr(parser.get_usage()))
    parser.print_usage()
    parser.print_version()
    print(parser.get_option_group("--host").title)
    print(make_parser(optparse.TitledHelpFormatter(width=70)).format_help())
    narrow = make_parser(optparse.IndentedHelpFormatter(max_help_position=30, width=60))
    narrow.print_help()
    # help text filled in after the options were added
    narrow.get_option("--host").help = "remote host name [%default]"
    narrow.get_option("-k").metavar = "COUNT"
    narrow.set_default("host", "localhost")
    print(narrow.format_option_help())
    options, args = parser.parse_args(["--keep", "2"])
    if not args:
        parser.error("no directories given (keep=%d)" % options.keep)
    print("not reached")


if __name__ == "__main__":
    main()
