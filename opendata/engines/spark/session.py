"""The SparkSession opendata runs on: master and settings from ``opendata.toml`` or the environment.

    [spark]
    master = "yarn"                    # or "k8s://https://…", "spark://host:7077", "local[*]"
    [spark.conf]
    "spark.executor.memory" = "8g"

``OPENDATA_SPARK_MASTER`` overrides the master; ``OPENDATA_SPARK_CONF`` adds settings as
``key=value`` pairs separated by ``;``. The Spark UI is off unless a setting turns it on, and in
local mode the driver binds to 127.0.0.1 only. No key material is ever put into the settings:
keyed treatments reach the executors as a broadcast value (see :mod:`.treat`).
"""

from __future__ import annotations

import os
import sys
import warnings
from typing import Any

from ... import config
from ...errors import InputError

DEFAULT_MASTER = "local[*]"

#: Settings opendata needs: Arrow batches as large as the single-machine reader's (so a DataFrame's
#: batches are cut alike), Python workers on this interpreter.
_REQUIRED = {
    "spark.sql.execution.arrow.maxRecordsPerBatch": "65536",
    "spark.sql.execution.arrow.pyspark.enabled": "true",
}
_DEFAULTS = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "8",
}
_LOCAL = {"spark.driver.host": "127.0.0.1", "spark.driver.bindAddress": "127.0.0.1"}


def settings() -> tuple[str, dict[str, str]]:
    """The master URL and the Spark settings to start a session with."""
    section = config.load().get("spark", {}) or {}
    master = os.environ.get("OPENDATA_SPARK_MASTER") or section.get("master") or DEFAULT_MASTER
    conf = dict(_DEFAULTS)
    if master.startswith("local"):
        conf.update(_LOCAL)
    conf.update({str(k): str(v) for k, v in (section.get("conf") or {}).items()})
    for pair in filter(None, (os.environ.get("OPENDATA_SPARK_CONF") or "").split(";")):
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InputError("engine.spark_conf", setting=key.strip() or pair)
        conf[key.strip()] = value.strip()
    conf.update(_REQUIRED)
    return master, conf


def session() -> Any:
    """The active SparkSession, or a new one from :func:`settings`."""
    # pyspark warns on every Arrow call that it has not been certified with pandas 3; opendata
    # passes Arrow batches only, no pandas objects, so the warning says nothing to our users.
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise InputError("engine.spark_missing") from None
    active = SparkSession.getActiveSession()
    if active is not None:
        for key, value in _REQUIRED.items():
            active.conf.set(key, value)
        return active
    master, conf = settings()
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # and no warning about which address
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.master(master).appName("opendata")
    for key, value in conf.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark
