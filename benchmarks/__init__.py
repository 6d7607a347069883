"""dockwrap's benchmarks (not part of the package): benchmarks/run.py is the entry point, its
modules are common, engine and cases; parse_ls.py and remote.py run on their own."""
