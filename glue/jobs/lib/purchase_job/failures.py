"""A failed Spark job's message, read for its cause and for whose fault it is."""

from __future__ import annotations

import re

# Words of a failed Spark job's message that put the failure on the cluster or on S3, not on the object being
# read: such a failure of one object read on its own ends the run, naming the object, instead of quarantining it.
INFRASTRUCTURE_FAILURES = (
    "AmazonS3Exception", "S3Exception", "SdkClientException", "AccessDenied", "Access Denied", "SlowDown",
    "Slow Down", "Service Unavailable", "ExecutorLostFailure", "SocketTimeoutException", "Connection reset",
)
MAX_REASON_LENGTH = 500
SPARK_JOB_FAILURE = "org.apache.spark.SparkException"
JAVA_EXCEPTION = re.compile(r"\b[a-z][a-z0-9]*(\.[a-z][a-z0-9]*)+\.[A-Z][A-Za-z0-9]*(Exception|Error)\b")


def read_failure(error: BaseException) -> str:
    """What went wrong in a failed Spark job, in one line cut to a manifest reason's length.

    Py4J's message starts with the call ("An error occurred while calling o91.collectToPython.") and Spark's with
    the stage ("org.apache.spark.SparkException: Job aborted due to stage failure: ... Lost task ...: CAUSE"),
    followed by stack frames: the reason is the first Java exception other than Spark's own named on a line, with
    the rest of that line (e.g. "java.util.zip.ZipException: invalid block type"), else the first line.
    """
    lines = [line.strip() for line in str(error).splitlines() if line.strip() and not line.strip().startswith("at ")]
    for line in lines:
        causes = [cause for cause in JAVA_EXCEPTION.finditer(line) if cause.group(0) != SPARK_JOB_FAILURE]
        if causes:
            reason = line[causes[0].start():]
            break
    else:
        reason = lines[0] if lines else type(error).__name__
    return reason if len(reason) <= MAX_REASON_LENGTH else reason[:MAX_REASON_LENGTH] + "\u2026"


def is_infrastructure_failure(error: BaseException) -> bool:
    """Whether a failed read is S3's or the cluster's doing (INFRASTRUCTURE_FAILURES), not the object's."""
    text = str(error)
    return any(word in text for word in INFRASTRUCTURE_FAILURES)
