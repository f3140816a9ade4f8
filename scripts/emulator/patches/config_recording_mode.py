"""AWS Config PutConfigurationRecorder keeps `recordingMode`.

AWS behaviour (AWS Config API reference, ConfigurationRecorder.recordingMode): the recorder's
recording frequency, `{"recordingFrequency": "CONTINUOUS" | "DAILY", "recordingModeOverrides": [...]}`,
default CONTINUOUS; DescribeConfigurationRecorders returns it.

moto 5.2.1 ignores the field: DescribeConfigurationRecorders shows no recordingMode, so a daily
recorder cannot be told from a continuous one.
"""
from typing import Any


def apply() -> None:
    from moto.config.models import ConfigBackend

    put = ConfigBackend.put_configuration_recorder
    if getattr(put, "_keeps_recording_mode", False):
        return

    def put_configuration_recorder(self: Any, config_recorder: dict[str, Any]) -> None:
        put(self, config_recorder)
        mode = config_recorder.get("recordingMode") or {}
        self.recorders[config_recorder["name"]].recording_mode = {
            "recordingFrequency": mode.get("recordingFrequency", "CONTINUOUS"),
            **({"recordingModeOverrides": mode["recordingModeOverrides"]} if mode.get("recordingModeOverrides") else {}),
        }

    put_configuration_recorder._keeps_recording_mode = True  # type: ignore[attr-defined]
    ConfigBackend.put_configuration_recorder = put_configuration_recorder  # type: ignore[method-assign]
