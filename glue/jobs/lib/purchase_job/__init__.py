"""The Glue job's modules (glue/jobs/clean_purchases.py is the entry script): shipped as a zip with --extra-py-files,
which Glue puts on the Python path of the driver and the executors."""
