#!/usr/bin/env python3
"""Generate gitlab-runner's config.toml schema resource from the section 5 tables of config-schema.md.

Usage: generate-schema.py [config-schema.md] [output.tsv]

Defaults: ../shared/reference/config-schema.md (relative to the project root, i.e. this script's parent's parent)
and core/src/main/resources/io/github/runnerguard/internal/bind/schema.tsv. The output is deterministic, so a test
can run this script into a temporary file and compare it with the committed resource.

What the script does:
  1. Reads every "### ..." / "#### ..." section of section 5: the header (a TOML path, possibly with {a,b} brace
     alternatives, "*" wildcards and "a / b / c" alternatives of the last path segment), the "Go type:" line and the
     table rows (TOML key exactly as tagged, Go field, Go type, struct tag). Rows keep their order: struct order is
     what gitlab-runner's case-insensitive fallback depends on (the first field that EqualFolds wins).
  2. Registers each table as the definition of its Go struct type. A type defined by several sections (Service,
     ConnectorConfig, AutoscalerPolicyConfig) must have identical keys and types in each.
  3. Walks the type graph from the root struct, resolving a field's Go type to a struct by the section at that exact
     path when there is one (so "[runners.kubernetes.affinity.pod_affinity] / pod_anti_affinity" gives both fields
     their struct), else by Go type name (affinity terms, seccomp and AppArmor profiles, capabilities), else by
     synthesising a struct from the sections below that path (container_lifecycle has only {post_start,pre_stop}).
  4. Checks that every section header of the reference is reached by the walk, and writes the resource.

Named Go types whose underlying type the reference gives only in prose are listed in ALIASES below; an unknown Go
type is an error, so a new type in the reference cannot slip through untyped.

Output format (tab-separated, '#' lines are comments):
  struct  <go type>  <flags>                      flags: '-' or comma-separated: exact (keys matched exactly,
                                                  no case folding), required=a+b+c, synthesized
  field   <go type>  <index>  <toml key>  <go type of field>  <value type>  <flags>    flags: '-' or secret
  section <path>     <kind>   <type>                 kind: root | table | array | map; type: struct or map value type
Value types: string int int32 bool float duration time string_or_array any list<T> map<T> table<Struct> array<Struct>.
"""

import hashlib
import os
import re
import sys

# Named Go types -> the Go type they stand for (stated in the reference's prose or evident from the default).
ALIASES = {
    "Labels": "map[string]string",                          # [labels]: map[string]string
    "DockerSysCtls": "map[string]string",                   # sysctls: map[string]string (section 1 rule 6)
    "RequestRetryLimits": "map[string]int",                 # retry_limits: map[string]int
    "AutoscalerSettingsMap": "map[string]any",              # plugin_config / nesting_config: map[string]any
    "RequestRetryLimit": "int",                             # retry_limit: a count, default 5
    "RequestRetryBackoffMax": "int",                        # retry_backoff_max: milliseconds, default 2000
    "KubernetesDNSPolicy": "string",                        # none | default | cluster-first | ...
    "KubernetesPodSpecPatchType": "string",                 # json | merge | strategic
    "S3AuthType": "string",                                 # iam | access-key
    "DockerPullPolicy": "string",                           # always | never | if-not-present
    "api.Capability": "string",                             # Kubernetes capability names
    "api.ProcMountType": "string",                          # default | unmasked
    "KubernetesHostAliasesFlag": "[]KubernetesHostAliases",  # [[runners.kubernetes.host_aliases]]
    "monitoring.JobQueuingDurations": "[]monitoring.JobQueuingDuration",  # [[...job_queuing_durations]]
}

SCALARS = {
    "string": "string",
    "bool": "bool",
    "int": "int",
    "int64": "int",
    "int32": "int32",
    "float64": "float",
    "time.Duration": "duration",
    "time.Time": "time",
    "StringOrArray": "string_or_array",
    "any": "any",
}

# Secret-bearing keys from section 4 (masked by gitlab-runner, or able to carry credentials), by section path.
SECRETS = {
    "": ["sentry_dsn"],
    "runners": ["token", "url", "clone_url", "environment", "pre_get_sources_script", "post_get_sources_script",
                "pre_build_script", "post_build_script"],
    "runners.docker.services": ["environment"],
    "runners.kubernetes": ["bearer_token"],
    "runners.cache.s3": ["AccessKey", "SecretKey", "SessionToken"],
    "runners.cache.gcs": ["PrivateKey"],
    "runners.cache.azure": ["AccountKey"],
    "runners.ssh": ["password"],
    "runners.autoscaler": ["plugin_config"],
    "runners.autoscaler.connector_config": ["password"],
    "runners.autoscaler.vm_isolation.connector_config": ["password"],
    "runners.machine": ["MachineOptions"],
    "runners.referees.metrics": ["prometheus_address"],
    "experimental.usage_logger.snowplow_billing": ["collector_uri"],
}


class SchemaError(Exception):
    pass


def unqualified(go_type):
    return go_type.split(".")[-1]


def expand_braces(text):
    match = re.search(r"\{([^{}]*)\}", text)
    if not match:
        return [text]
    out = []
    for alternative in match.group(1).split(","):
        out.extend(expand_braces(text[:match.start()] + alternative.strip() + text[match.end():]))
    return out


def parse_header(header):
    """Returns (paths, is_array) for a '###' header; paths may contain '*' wildcards. None for '####' headers."""
    if header.strip("`").startswith("(root"):
        return [""], False
    match = re.match(r"^(\[\[?)([^\]]+)\]\]?(.*)$", header.replace("`", ""))
    if not match:
        return None, False
    is_array = match.group(1) == "[["
    base = match.group(2)
    rest = match.group(3).strip()
    paths = expand_braces(base)
    if rest:
        alternatives = [a.strip().strip("`") for a in rest.split("/") if a.strip()]
        for alternative in alternatives:
            if not re.fullmatch(r"[A-Za-z0-9_]+", alternative):
                raise SchemaError("cannot read header alternatives: " + header)
            parent = base.rsplit(".", 1)[0]
            paths.extend(expand_braces(parent + "." + alternative))
    return paths, is_array


def parse_sections(markdown):
    start = markdown.index("\n## 5.")
    end = markdown.index("\n## 6.", start)
    body = markdown[start:end]
    sections = []
    current = None
    for line in body.splitlines():
        header = re.match(r"^(#{3,4}) (.*)$", line)
        if header:
            current = {"level": len(header.group(1)), "header": header.group(2).strip(), "go_type": None,
                       "kind": None, "note": "", "rows": []}
            sections.append(current)
            continue
        if current is None:
            continue
        go = re.match(r"^Go type: `([^`]+)`; TOML kind: ([^.]*(?:\.\.\.)?[^.]*?)\.(.*)$", line)
        if go and current["go_type"] is None:
            current["go_type"] = go.group(1).strip()
            current["kind"] = go.group(2).strip()
            current["note"] = go.group(3).strip()
            continue
        if line.startswith("| `"):
            cells = [c.strip() for c in line.split("|")[1:5]]
            key = cells[0].strip("`")
            go_field = cells[1]
            go_type = cells[2].strip("`")
            tag = cells[3]
            tag_match = re.match(r'^`toml:"([^",]*)[^"]*"`$', tag)
            if tag_match:
                tag_name = tag_match.group(1)
                if tag_name == "-":
                    current["rows"].append({"key": key, "go_type": go_type, "skip": True})
                    continue
                if tag_name and tag_name != key:
                    raise SchemaError("key %s does not match its tag %s" % (key, tag))
                if not tag_name and key != go_field:
                    raise SchemaError("untagged key %s is not its Go field name %s" % (key, go_field))
            elif tag.strip("`").startswith("(no toml tag"):
                if key != go_field:
                    raise SchemaError("untagged key %s is not its Go field name %s" % (key, go_field))
            else:
                raise SchemaError("cannot read struct tag %r of %s" % (tag, key))
            current["rows"].append({"key": key, "go_type": go_type, "skip": False})
    for section in sections:
        if section["go_type"] is None:
            raise SchemaError("no 'Go type:' line under " + section["header"])
    return sections


def section_struct_name(section):
    go_type = section["go_type"]
    go_type = re.sub(r"\s*\(.*\)$", "", go_type)
    return go_type


def is_struct_section(section):
    kind = section["kind"]
    return ("table" in kind and "free-form" not in kind) or "ARRAY OF TABLES" in kind


def struct_flags(section):
    flags = []
    note = section["note"]
    if re.search(r"matched EXACTLY", note):
        flags.append("exact")
    required = re.search(r"UnmarshalTOML: ([a-z_, ]+) are REQUIRED", note)
    if required:
        names = [n.strip() for n in required.group(1).split(",")]
        flags.append("required=" + "+".join(names))
    return flags


class Generator:
    def __init__(self, sections):
        self.sections = sections
        self.structs = {}          # go type -> {"fields": [...], "flags": [...]}
        self.by_unqualified = {}   # unqualified name -> set of go types
        self.header_paths = {}     # concrete path -> (section, is_array)
        self.wildcards = []        # (regex, section, pattern)
        self.type_only = []        # sections with '####' headers
        self.out_sections = []     # (path, kind, type)
        self.out_structs = []      # go types in first-use order
        self.secret = set()        # (struct, key)

        for section in sections:
            if is_struct_section(section):
                self.define_struct(section)
            if section["level"] == 4:
                self.type_only.append(section)
                continue
            paths, is_array = parse_header(section["header"])
            if paths is None:
                raise SchemaError("cannot read header " + section["header"])
            for path in paths:
                if "*" in path:
                    regex = "^" + re.escape(path).replace(r"\*", "[^.]*") + "$"
                    self.wildcards.append((re.compile(regex), section, path))
                else:
                    if path in self.header_paths:
                        raise SchemaError("two sections for " + path)
                    self.header_paths[path] = (section, is_array)

    def define_struct(self, section):
        name = section_struct_name(section)
        fields = [(row["key"], row["go_type"]) for row in section["rows"] if not row["skip"]]
        if not fields:
            raise SchemaError("struct section without rows: " + section["header"])
        flags = struct_flags(section)
        if name in self.structs:
            known = self.structs[name]
            if known["fields"] != fields or known["flags"] != flags:
                raise SchemaError("struct %s is defined twice with different fields" % name)
            return
        self.structs[name] = {"fields": fields, "flags": flags}
        self.by_unqualified.setdefault(unqualified(name), set()).add(name)

    def struct_by_name(self, go_type):
        if go_type in self.structs:
            return go_type
        names = self.by_unqualified.get(unqualified(go_type), set())
        if len(names) == 1:
            return next(iter(names))
        if len(names) > 1:
            raise SchemaError("ambiguous struct type " + go_type)
        return None

    def synthesize(self, go_type, path):
        """A struct with no table of its own: its fields are the sections directly below path."""
        children = []
        for child_path, (section, is_array) in self.header_paths.items():
            if child_path.startswith(path + ".") and "." not in child_path[len(path) + 1:]:
                children.append((child_path[len(path) + 1:], section, is_array))
        if not children:
            return None
        order = {p: i for i, p in enumerate(self.header_paths)}
        children.sort(key=lambda c: order[path + "." + c[0]])
        fields = []
        for key, section, is_array in children:
            prefix = "[]" if is_array else "*"
            fields.append((key, prefix + section_struct_name(section)))
        name = go_type
        self.structs[name] = {"fields": fields, "flags": ["synthesized"]}
        self.by_unqualified.setdefault(unqualified(name), set()).add(name)
        return name

    def value_type(self, go_type, path):
        t = go_type.lstrip("*")
        if t in ALIASES:
            return self.value_type(ALIASES[t], path)
        if t in SCALARS:
            return SCALARS[t]
        if t.startswith("[]"):
            element = t[2:].lstrip("*")
            element_type = self.value_type(element, path)
            if element_type.startswith("table<"):
                return "array<" + element_type[len("table<"):]
            if element_type in ("string", "int", "float"):
                return "list<" + element_type + ">"
            raise SchemaError("unsupported slice type %s at %s" % (go_type, path))
        map_match = re.fullmatch(r"map\[string\](.+)", t)
        if map_match:
            inner = self.value_type(map_match.group(1), path)
            if inner.startswith("table<") or inner.startswith("array<"):
                raise SchemaError("unsupported map type %s at %s" % (go_type, path))
            return "map<" + inner + ">"
        # A struct: by the section at this exact path, else by name, else synthesized from sub-sections.
        header = self.header_paths.get(path)
        name = None
        if header is not None and is_struct_section(header[0]):
            name = section_struct_name(header[0])
        if name is None:
            name = self.struct_by_name(t)
        if name is None:
            name = self.synthesize(t, path)
        if name is None:
            raise SchemaError("unknown Go type %s at %s" % (go_type, path or "(root)"))
        return "table<" + name + ">"

    def walk(self, path, struct_name, kind):
        self.out_sections.append((path, kind, struct_name))
        if struct_name not in self.out_structs:
            self.out_structs.append(struct_name)
        struct = self.structs[struct_name]
        resolved = []
        for key, go_type in struct["fields"]:
            child_path = key if path == "" else path + "." + key
            value_type = self.value_type(go_type, child_path)
            resolved.append((key, go_type, value_type))
            if value_type.startswith("table<"):
                self.walk(child_path, value_type[len("table<"):-1], "table")
            elif value_type.startswith("array<"):
                self.walk(child_path, value_type[len("array<"):-1], "array")
            elif value_type.startswith("map<"):
                self.out_sections.append((child_path, "map", value_type[len("map<"):-1]))
        previous = struct.get("resolved")
        if previous is not None and previous != resolved:
            raise SchemaError("struct %s resolves differently at %s" % (struct_name, path))
        struct["resolved"] = resolved

    def check_coverage(self):
        walked = {path: (kind, name) for path, kind, name in self.out_sections}
        for path, (section, is_array) in self.header_paths.items():
            if path not in walked:
                raise SchemaError("section %s is not reachable from the root" % (path or "(root)"))
            kind, name = walked[path]
            if is_array and kind != "array":
                raise SchemaError("section %s is an array of tables in the reference but %s here" % (path, kind))
            if is_struct_section(section) and name != section_struct_name(section):
                raise SchemaError("section %s resolves to %s, the reference says %s"
                                  % (path, name, section_struct_name(section)))
        for regex, section, pattern in self.wildcards:
            matches = [p for p in walked if regex.match(p)]
            if not matches:
                raise SchemaError("no section matches " + pattern)
            for match in matches:
                if walked[match][1] != section_struct_name(section):
                    raise SchemaError("%s matches %s of type %s, the reference says %s"
                                      % (pattern, match, walked[match][1], section_struct_name(section)))
        used = {name for _, _, name in self.out_sections}
        for section in self.type_only:
            if section_struct_name(section) not in used:
                raise SchemaError("type %s is never used" % section_struct_name(section))

    def mark_secrets(self):
        walked = {path: (kind, name) for path, kind, name in self.out_sections}
        for path, keys in SECRETS.items():
            if path not in walked or walked[path][0] == "map":
                raise SchemaError("secret list names unknown section " + path)
            struct = self.structs[walked[path][1]]
            known = {key for key, _ in struct["fields"]}
            for key in keys:
                if key not in known:
                    raise SchemaError("secret list names unknown key %s.%s" % (path, key))
                self.secret.add((walked[path][1], key))

    def render(self, source_hash):
        lines = [
            "# gitlab-runner config.toml schema, generated by tools/generate-schema.py from",
            "# config-schema.md section 5. Do not edit: change the reference or the script and regenerate.",
            "# source-sha256\t" + source_hash,
            "# struct\t<go type>\t<flags>",
            "# field\t<go type>\t<index>\t<toml key>\t<field go type>\t<value type>\t<flags>",
            "# section\t<path>\t<root|table|array|map>\t<struct or map value type>",
        ]
        for name in self.out_structs:
            struct = self.structs[name]
            lines.append("struct\t%s\t%s" % (name, ",".join(struct["flags"]) or "-"))
            for index, (key, go_type, value_type) in enumerate(struct["resolved"]):
                flags = "secret" if (name, key) in self.secret else "-"
                lines.append("field\t%s\t%d\t%s\t%s\t%s\t%s" % (name, index, key, go_type, value_type, flags))
        for path, kind, type_name in self.out_sections:
            lines.append("section\t%s\t%s\t%s" % (path or "(root)", kind, type_name))
        return "\n".join(lines) + "\n"


def generate(markdown):
    sections = parse_sections(markdown)
    generator = Generator(sections)
    root = generator.header_paths.get("")
    if root is None:
        raise SchemaError("no root section")
    generator.walk("", section_struct_name(root[0]), "root")
    generator.check_coverage()
    generator.mark_secrets()
    start = markdown.index("\n## 5.")
    end = markdown.index("\n## 6.", start)
    source_hash = hashlib.sha256(markdown[start:end].encode("utf-8")).hexdigest()
    return generator.render(source_hash)


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    source = argv[1] if len(argv) > 1 else os.path.join(root, "..", "shared", "reference", "config-schema.md")
    target = argv[2] if len(argv) > 2 else os.path.join(
        root, "core", "src", "main", "resources", "io", "github", "runnerguard", "internal", "bind", "schema.tsv")
    with open(source, encoding="utf-8") as handle:
        markdown = handle.read()
    try:
        text = generate(markdown)
    except SchemaError as error:
        sys.stderr.write("generate-schema: %s\n" % error)
        return 1
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    with open(target, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
