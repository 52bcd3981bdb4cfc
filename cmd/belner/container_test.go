package main

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

// The container image (Dockerfile) and the script that performs its build
// without Docker (scripts/container-build.sh) must not drift apart, nor
// from the versions the rest of the repository uses, nor from what belner
// serve reads. These tests read the files; no Docker needed.

const (
	dockerfilePath     = "../../Dockerfile"
	containerBuildPath = "../../scripts/container-build.sh"
	ortScriptPath      = "../../scripts/ort.sh"
	goModPath          = "../../go.mod"
	deploymentPath     = "../../deploy/deployment.yaml"
)

// instruction is one Dockerfile instruction, continuation lines joined.
type instruction struct {
	cmd, args string
	stage     int // 0 before the first FROM, 1 in the first stage...
}

func parseDockerfile(t *testing.T) []instruction {
	t.Helper()
	data := read(t, dockerfilePath)
	var out []instruction
	stage := 0
	var cur strings.Builder
	for _, line := range strings.Split(data, "\n") {
		trimmed := strings.TrimSpace(line)
		if cur.Len() == 0 && (trimmed == "" || strings.HasPrefix(trimmed, "#")) {
			continue
		}
		if strings.HasSuffix(trimmed, `\`) {
			cur.WriteString(strings.TrimSuffix(trimmed, `\`) + " ")
			continue
		}
		cur.WriteString(trimmed)
		cmd, args, _ := strings.Cut(cur.String(), " ")
		cur.Reset()
		cmd = strings.ToUpper(cmd)
		if cmd == "FROM" {
			stage++
		}
		out = append(out, instruction{cmd: cmd, args: strings.TrimSpace(args), stage: stage})
	}
	return out
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// dockerArgs returns the defaults of the global ARGs (before the first FROM).
func dockerArgs(t *testing.T, ins []instruction) map[string]string {
	t.Helper()
	args := map[string]string{}
	for _, in := range ins {
		if in.cmd == "ARG" && in.stage == 0 {
			k, v, ok := strings.Cut(in.args, "=")
			if !ok || v == "" {
				t.Errorf("global ARG %s has no default", in.args)
			}
			args[k] = v
		}
	}
	return args
}

// finalStage returns the instructions of the image's stage.
func finalStage(ins []instruction) []instruction {
	last := ins[len(ins)-1].stage
	var out []instruction
	for _, in := range ins {
		if in.stage == last {
			out = append(out, in)
		}
	}
	return out
}

func TestDockerfileVersions(t *testing.T) {
	ins := parseDockerfile(t)
	args := dockerArgs(t, ins)

	gomod := regexp.MustCompile(`(?m)^go (\S+)$`).FindStringSubmatch(read(t, goModPath))
	if gomod == nil || args["GO_VERSION"] != gomod[1] {
		t.Errorf("Dockerfile ARG GO_VERSION=%s, go.mod's go directive %v", args["GO_VERSION"], gomod)
	}
	ort := regexp.MustCompile(`version="\$\{ORT_VERSION:-([^}]+)\}"`).FindStringSubmatch(read(t, ortScriptPath))
	if ort == nil || args["ORT_VERSION"] != ort[1] {
		t.Errorf("Dockerfile ARG ORT_VERSION=%s, scripts/ort.sh's default %v", args["ORT_VERSION"], ort)
	}
	if !versionAtLeast(args["ORT_VERSION"], 1, 23, 2) {
		t.Errorf("ORT_VERSION %s: hugot's binding needs onnxruntime-node 1.23.2 or later", args["ORT_VERSION"])
	}
	if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(args["ORT_LIB_SHA256"]) {
		t.Errorf("ARG ORT_LIB_SHA256=%q is not a sha256", args["ORT_LIB_SHA256"])
	}
	if args["DEBIAN_RELEASE"] == "" || args["NODE_VERSION"] == "" {
		t.Errorf("ARG DEBIAN_RELEASE and NODE_VERSION need defaults: %v", args)
	}

	// Every base image pinned by a tag, all on the same Debian release.
	var froms []string
	for _, in := range ins {
		if in.cmd != "FROM" {
			continue
		}
		image := strings.Fields(in.args)[0]
		froms = append(froms, image)
		name, tag, ok := strings.Cut(image, ":")
		if !ok || tag == "latest" || strings.Contains(name, "$") {
			t.Errorf("FROM %s: pin the image by a tag", image)
		}
		if !strings.Contains(tag, "${DEBIAN_RELEASE}") {
			t.Errorf("FROM %s: not on ${DEBIAN_RELEASE}, the release whose glibc the build links against", image)
		}
	}
	want := []string{"node:${NODE_VERSION}-${DEBIAN_RELEASE}-slim", "golang:${GO_VERSION}-${DEBIAN_RELEASE}", "debian:${DEBIAN_RELEASE}-slim"}
	if !slices.Equal(froms, want) {
		t.Errorf("stages FROM %q, want %q (update this test and scripts/container-build.sh together)", froms, want)
	}

	// The script takes every version from the Dockerfile, and says none itself.
	script := read(t, containerBuildPath)
	for _, k := range []string{"GO_VERSION", "ORT_VERSION", "ORT_LIB_SHA256", "DEBIAN_RELEASE"} {
		if !strings.Contains(script, "$(arg "+k+")") {
			t.Errorf("scripts/container-build.sh does not read ARG %s from the Dockerfile", k)
		}
		if strings.Contains(script, args[k]) {
			t.Errorf("scripts/container-build.sh repeats %s's value %s: read it from the Dockerfile", k, args[k])
		}
	}
}

func versionAtLeast(v string, want ...int) bool {
	parts := strings.Split(v, ".")
	for i, w := range want {
		if i >= len(parts) {
			return false
		}
		n, err := strconv.Atoi(parts[i])
		if err != nil {
			return false
		}
		if n != w {
			return n > w
		}
	}
	return true
}

func TestDockerfileBuild(t *testing.T) {
	ins := parseDockerfile(t)
	var build []string
	var cgo, ortFetch bool
	for _, in := range ins {
		if in.cmd == "RUN" && strings.Contains(in.args, "go build") {
			build = append(build, in.args)
		}
		if in.cmd == "ENV" && slices.Contains(strings.Fields(in.args), "CGO_ENABLED=1") {
			cgo = true
		}
		if in.cmd == "RUN" && strings.Contains(in.args, "scripts/ort.sh") && strings.Contains(in.args, "sha256sum -c") {
			ortFetch = true
		}
	}
	if len(build) != 1 {
		t.Fatalf("%d RUN go build, want 1", len(build))
	}
	// container-build.sh runs this very line (the one `go build` line of
	// the Dockerfile), with -o moved into its rootfs.
	line := regexp.MustCompile(`(?m)^\s*go build .*$`).FindAllString(read(t, dockerfilePath), -1)
	if len(line) != 1 {
		t.Fatalf("the Dockerfile has %d lines starting with go build, want 1 (container-build.sh runs it)", len(line))
	}
	for _, flag := range []string{"-tags ORT", "-trimpath", "-buildvcs=false", "-ldflags='-s -w'", "-o /out/belner ./cmd/belner"} {
		if !strings.Contains(line[0], flag) {
			t.Errorf("go build line %q lacks %s", line[0], flag)
		}
	}
	if !cgo {
		t.Error("the build stage does not set CGO_ENABLED=1 (the ORT backend needs cgo)")
	}
	if !ortFetch {
		t.Error("no RUN fetches the library with scripts/ort.sh and checks its sha256 (as container-build.sh does)")
	}
	if strings.Contains(strings.Join(build, " "), "--mount=type=cache") {
		for _, in := range ins {
			if strings.Contains(in.args, "--mount=type=cache") && !strings.Contains(in.args, "target=/go/pkg/mod") && !strings.Contains(in.args, "target=/root/.cache/go-build") {
				t.Errorf("a cache mount other than Go's module and build caches: %s", in.args)
			}
		}
	}
}

func TestDockerfileRuntime(t *testing.T) {
	ins := parseDockerfile(t)
	final := finalStage(ins)
	known := serveVariables(t)
	env := map[string]string{}
	copies := map[string]string{} // destination → source
	var user, expose, health, entrypoint, cmd []string
	for _, in := range final {
		switch in.cmd {
		case "ENV":
			for _, kv := range strings.Fields(in.args) {
				k, v, ok := strings.Cut(kv, "=")
				if !ok {
					t.Errorf("ENV %s: write KEY=value", in.args)
				}
				env[k] = v
			}
		case "COPY":
			f := strings.Fields(in.args)
			copies[strings.TrimSuffix(f[len(f)-1], "/")] = f[len(f)-2]
		case "USER":
			user = append(user, in.args)
		case "EXPOSE":
			expose = append(expose, in.args)
		case "HEALTHCHECK":
			health = append(health, in.args)
		case "ENTRYPOINT":
			entrypoint = append(entrypoint, in.args)
		case "CMD":
			cmd = append(cmd, in.args)
		}
	}

	// Every ENV line is one KEY=value: container-build.sh reads them so.
	if n := len(regexp.MustCompile(`(?m)^ENV [A-Z_][A-Z0-9_]*=\S+$`).FindAllString(read(t, dockerfilePath), -1)); n != countCmd(final, "ENV") {
		t.Errorf("write each ENV of the image as one `ENV KEY=value` line (container-build.sh reads them so)")
	}
	for k, v := range env {
		if !strings.HasPrefix(k, envPrefix) {
			t.Errorf("ENV %s: not a belner setting", k)
			continue
		}
		if !known[k] {
			t.Errorf("ENV %s: belner serve reads no such variable", k)
		}
		if strings.HasPrefix(v, "/") && copies[v] == "" && copies[strings.TrimSuffix(v, "/")] == "" {
			t.Errorf("ENV %s=%s: no COPY puts anything at %s", k, v, v)
		}
	}
	for k, want := range map[string]string{"BELNER_MODEL": "/opt/belner/model", "BELNER_BACKEND": "ort", "BELNER_ORT_LIB": "/opt/belner/lib"} {
		if env[k] != want {
			t.Errorf("ENV %s=%q, want %q", k, env[k], want)
		}
	}
	if copies["/opt/belner/model"] != "models/belner-ner/" {
		t.Errorf("the model directory is copied from %q, want models/belner-ner/", copies["/opt/belner/model"])
	}

	// Numeric non-root user, the one of the Deployment.
	dep := deploymentSecurity(t)
	if len(user) != 1 {
		t.Fatalf("USER given %d times in the image's stage, want once", len(user))
	}
	m := regexp.MustCompile(`^([0-9]+):([0-9]+)$`).FindStringSubmatch(user[0])
	if m == nil || m[1] == "0" || m[2] == "0" {
		t.Errorf("USER %s: want numeric uid:gid, not root (runAsNonRoot needs a numeric user)", user[0])
	} else if m[1] != fmt.Sprint(dep.uid) || m[2] != fmt.Sprint(dep.gid) {
		t.Errorf("USER %s, but deploy/deployment.yaml runs as %d:%d", user[0], dep.uid, dep.gid)
	}

	// The port serve listens on by default, the healthcheck's.
	_, port, _ := net.SplitHostPort(serveDefault(t, "addr"))
	if !slices.Equal(expose, []string{port}) {
		t.Errorf("EXPOSE %v, want %s (serve's default -addr)", expose, port)
	}
	if !strings.Contains(probeURL(""), ":"+port+"/readyz") {
		t.Errorf("probe checks %s by default, serve listens on %s", probeURL(""), port)
	}

	const bin = "/usr/local/bin/belner"
	if copies[bin] == "" {
		t.Errorf("no COPY puts belner at %s", bin)
	}
	if len(health) != 1 || !strings.HasSuffix(health[0], `CMD ["`+bin+`", "probe"]`) {
		t.Errorf("HEALTHCHECK %q, want CMD [%q, \"probe\"] (exec form: the check needs no shell)", health, bin)
	}
	if !slices.Equal(entrypoint, []string{`["` + bin + `"]`}) || !slices.Equal(cmd, []string{`["serve"]`}) {
		t.Errorf("ENTRYPOINT %q, CMD %q; want [%q] and [\"serve\"] (deploy/deployment.yaml passes args: [serve])", entrypoint, cmd, bin)
	}
	if dep.command != nil || !slices.Equal(dep.args, []string{"serve"}) {
		t.Errorf("deploy/deployment.yaml: command %q, args %q; want no command (the image's entrypoint) and args [serve]", dep.command, dep.args)
	}
	if !dep.readOnly {
		t.Error("deploy/deployment.yaml: the image runs with readOnlyRootFilesystem: true")
	}
	if !dep.tmpEmptyDir {
		t.Error("deploy/deployment.yaml: mount an emptyDir at /tmp, as docs/operations.md and `docker run --tmpfs /tmp` do")
	}
}

func countCmd(ins []instruction, cmd string) int {
	n := 0
	for _, in := range ins {
		if in.cmd == cmd {
			n++
		}
	}
	return n
}

// serveDefault returns the default of one of serve's flags.
func serveDefault(t *testing.T, name string) string {
	t.Helper()
	for _, k := range []string{"BELNER_ADDR", envName(name)} {
		if v, ok := os.LookupEnv(k); ok {
			t.Setenv(k, v) // restored after the test
			os.Unsetenv(k)
		}
	}
	switch name {
	case "addr":
		// serve's -addr default, as serve -h prints it.
		var usage strings.Builder
		run(t.Context(), []string{"serve", "-h"}, nil, &usage, &usage)
		m := regexp.MustCompile(`-addr string\n\s+listen address \(default "([^"]*)"\)`).FindStringSubmatch(usage.String())
		if m == nil {
			t.Fatalf("serve -h does not show -addr's default:\n%s", usage.String())
		}
		return m[1]
	}
	t.Fatalf("serveDefault(%q): not implemented", name)
	return ""
}

type podSecurity struct {
	uid, gid      int64
	command, args []string
	readOnly      bool
	tmpEmptyDir   bool
}

func deploymentSecurity(t *testing.T) podSecurity {
	t.Helper()
	js, err := yaml.YAMLToJSON([]byte(read(t, deploymentPath)))
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Spec struct {
			Template struct {
				Spec struct {
					SecurityContext struct {
						RunAsUser, RunAsGroup int64
					}
					Containers []struct {
						Command, Args   []string
						SecurityContext struct {
							ReadOnlyRootFilesystem bool
						}
						VolumeMounts []struct{ Name, MountPath string }
					}
					Volumes []struct {
						Name     string
						EmptyDir *json.RawMessage
					}
				}
			}
		}
	}
	if err := json.Unmarshal(js, &d); err != nil {
		t.Fatal(err)
	}
	pod := d.Spec.Template.Spec
	if len(pod.Containers) != 1 {
		t.Fatalf("deployment.yaml: %d containers, want 1", len(pod.Containers))
	}
	c := pod.Containers[0]
	s := podSecurity{uid: pod.SecurityContext.RunAsUser, gid: pod.SecurityContext.RunAsGroup,
		command: c.Command, args: c.Args, readOnly: c.SecurityContext.ReadOnlyRootFilesystem}
	for _, m := range c.VolumeMounts {
		if m.MountPath != "/tmp" {
			continue
		}
		for _, v := range pod.Volumes {
			if v.Name == m.Name && v.EmptyDir != nil {
				s.tmpEmptyDir = true
			}
		}
	}
	return s
}
