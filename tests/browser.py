"""Headless Chromium (Debian's chromium + chromium-driver) driven by selenium, for the portal's
browser tests and screenshots."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from typing import Iterator

import pytest

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                  "--lang=zh-CN"]


def available() -> bool:
    return bool(shutil.which("chromium") and shutil.which("chromedriver"))


@contextmanager
def chromium(width: int = 1280, height: int = 900) -> Iterator["object"]:
    """A headless Chromium window of ``width`` x ``height`` CSS pixels."""
    if not available():
        if os.environ.get("CI"):
            pytest.fail("chromium and chromium-driver are not installed (scripts/setup-browser installs them)")
        pytest.skip("chromium and chromium-driver are not installed: run scripts/setup-browser")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in CHROMIUM_FLAGS + [f"--window-size={width},{height}"]:
        options.add_argument(flag)
    if width < 500:
        # A phone: chromedriver's own emulation, applied to every page it opens. (A CDP override sent
        # once before the first page was sometimes lost on navigation: the page then had headless
        # Chromium's smallest window, 480 px.)
        options.add_experimental_option("mobileEmulation", {
            "deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0, "touch": True}})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=shutil.which("chromedriver")))
    try:
        yield driver
    finally:
        driver.quit()
