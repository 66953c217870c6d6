#!/usr/bin/env python3
"""Executes Jupyter notebooks headless and fails on the first cell error.

    python3 notebooks/tools/execute.py [--kernel deno] [--output-dir DIR | --inplace] NOTEBOOK...

This is `jupyter nbconvert --to notebook --execute` (nbclient underneath) with one
change: after a cell's "idle" status it keeps reading that cell's output for a moment.
Deno's kernel (2.x) can send "idle" before the last outputs of a cell (console.log
lines, displays, the cell's value); nbclient stops reading at "idle" and would drop
them, so an unattended run would save notebooks with outputs missing at random.
JupyterLab and VS Code show those late outputs anyway, as they route every message to
its cell.

Each notebook runs with its own folder as the working directory. Cell execution
timestamps are not recorded, so re-running a notebook changes only what it computes.
"""
import argparse
import os
import sys
import time
from queue import Empty

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete, CellExecutionError

try:  # nbclient < 0.8
    from nbclient.util import ensure_async
except ImportError:  # nbclient >= 0.8
    from jupyter_core.utils import ensure_async

# Quiet time after "idle" before a cell counts as done (late outputs arrive within
# milliseconds; see above).
GRACE_SECONDS = 0.3


class PatientClient(NotebookClient):
    """nbclient that keeps collecting a cell's output for GRACE_SECONDS after its "idle" status."""

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        assert self.kc is not None
        complete = False
        while True:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=GRACE_SECONDS if complete else None))
            except Empty:
                return
            if msg["parent_header"].get("msg_id") != parent_msg_id:
                continue
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                complete = True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--kernel", default=None, help="kernel name (default: the notebook's kernelspec)")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--output-dir", help="write executed copies here")
    where.add_argument("--inplace", action="store_true", help="write the outputs into the notebooks")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds per cell (default 1800)")
    args = parser.parse_args()

    for path in args.notebooks:
        nb = nbformat.read(path, as_version=4)
        kernel = args.kernel or nb.metadata.get("kernelspec", {}).get("name", "")
        client = PatientClient(
            nb,
            kernel_name=kernel,
            timeout=args.timeout,
            record_timing=False,
            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
        )
        start = time.monotonic()
        try:
            client.execute()
        except CellExecutionError as error:
            print(f"{path}: a cell failed\n{error}", file=sys.stderr)
            return 1
        target = path if args.inplace else os.path.join(args.output_dir, os.path.basename(path))
        os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
        nbformat.write(nb, target)
        print(f"{os.path.basename(path):40s} {time.monotonic() - start:6.1f} s -> {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
