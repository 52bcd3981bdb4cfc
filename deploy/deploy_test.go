package deploy

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	kjson "sigs.k8s.io/json"
	"sigs.k8s.io/yaml"
)

// manifests are what kustomization.yaml applies, decoded.
type manifests struct {
	deployment appsv1.Deployment
	service    corev1.Service
	hpa        autoscalingv2.HorizontalPodAutoscaler
	pdb        policyv1.PodDisruptionBudget
}

// decode reads file strictly, as the API server does: a field the API type
// lacks (a typo, a field at the wrong level, a wrong case) or a field given
// twice is an error.
func decode(t *testing.T, file string, into any) {
	t.Helper()
	js, err := yaml.YAMLToJSON(mustRead(t, file))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	strict, err := kjson.UnmarshalStrict(js, into)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	for _, e := range strict {
		t.Errorf("%s: %v", file, e)
	}
}

func mustRead(t *testing.T, file string) []byte {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func load(t *testing.T) *manifests {
	t.Helper()
	var k struct {
		APIVersion string   `json:"apiVersion"`
		Kind       string   `json:"kind"`
		Resources  []string `json:"resources"`
	}
	decode(t, "kustomization.yaml", &k)
	want := []string{"deployment.yaml", "hpa.yaml", "pdb.yaml", "service.yaml"}
	if got := slices.Sorted(slices.Values(k.Resources)); !slices.Equal(got, want) {
		t.Fatalf("kustomization.yaml applies %v, want %v", got, want)
	}
	m := &manifests{}
	decode(t, "deployment.yaml", &m.deployment)
	decode(t, "service.yaml", &m.service)
	decode(t, "hpa.yaml", &m.hpa)
	decode(t, "pdb.yaml", &m.pdb)
	return m
}

func TestEveryManifestDecodes(t *testing.T) {
	files, _ := filepath.Glob("*.yaml")
	kinds := map[string]any{
		"Deployment": &appsv1.Deployment{}, "Service": &corev1.Service{}, "Secret": &corev1.Secret{},
		"HorizontalPodAutoscaler": &autoscalingv2.HorizontalPodAutoscaler{},
		"PodDisruptionBudget":     &policyv1.PodDisruptionBudget{},
	}
	for _, f := range files {
		if f == "kustomization.yaml" {
			continue
		}
		var meta struct{ Kind string }
		if err := yaml.Unmarshal(mustRead(t, f), &meta); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		into, ok := kinds[meta.Kind]
		if !ok {
			t.Errorf("%s: kind %q is not checked by this test", f, meta.Kind)
			continue
		}
		decode(t, f, into)
	}
}

func TestDeployment(t *testing.T) {
	m := load(t)
	pod := m.deployment.Spec.Template.Spec
	if len(pod.Containers) != 1 {
		t.Fatalf("%d containers, want 1", len(pod.Containers))
	}
	c := pod.Containers[0]
	ports := map[string]int32{}
	for _, p := range c.Ports {
		ports[p.Name] = p.ContainerPort
	}
	checkProbe(t, "readiness", c.ReadinessProbe, "/readyz", ports)
	checkProbe(t, "liveness", c.LivenessProbe, "/healthz", ports)
	if addr := env(c, "BELNER_ADDR"); addr != fmt.Sprintf(":%d", ports["http"]) {
		t.Errorf("BELNER_ADDR %q, but the container port is %d", addr, ports["http"])
	}
	for _, res := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
		req, lim := c.Resources.Requests[res], c.Resources.Limits[res]
		if req.IsZero() || lim.IsZero() || req.Cmp(lim) > 0 {
			t.Errorf("%s: request %v, limit %v; want both, request ≤ limit", res, &req, &lim)
		}
	}
	checkSecurity(t, pod, c)
	if pod.TerminationGracePeriodSeconds == nil || *pod.TerminationGracePeriodSeconds <= 30+preStopSeconds(c) {
		t.Errorf("terminationGracePeriodSeconds must exceed the preStop pause and serve's 30 s of grace")
	}
	for _, e := range c.Env {
		if !strings.HasPrefix(e.Name, "BELNER_") {
			t.Errorf("env %s is not a belner setting", e.Name)
		}
	}
}

func checkProbe(t *testing.T, name string, p *corev1.Probe, path string, ports map[string]int32) {
	t.Helper()
	if p == nil || p.HTTPGet == nil {
		t.Errorf("no HTTP %s probe", name)
		return
	}
	if p.HTTPGet.Path != path {
		t.Errorf("%s probe on %s, want %s", name, p.HTTPGet.Path, path)
	}
	if _, ok := ports[p.HTTPGet.Port.StrVal]; p.HTTPGet.Port.Type != intstr.String || !ok {
		t.Errorf("%s probe on port %v, want a named container port", name, p.HTTPGet.Port.String())
	}
}

func checkSecurity(t *testing.T, pod corev1.PodSpec, c corev1.Container) {
	t.Helper()
	ps, cs := pod.SecurityContext, c.SecurityContext
	if ps == nil || cs == nil {
		t.Fatal("no pod or container securityContext")
	}
	checks := map[string]bool{
		"runAsNonRoot":                     ps.RunAsNonRoot != nil && *ps.RunAsNonRoot,
		"runAsUser not root":               ps.RunAsUser != nil && *ps.RunAsUser != 0,
		"seccomp RuntimeDefault":           ps.SeccompProfile != nil && ps.SeccompProfile.Type == corev1.SeccompProfileTypeRuntimeDefault,
		"readOnlyRootFilesystem":           cs.ReadOnlyRootFilesystem != nil && *cs.ReadOnlyRootFilesystem,
		"allowPrivilegeEscalation: false":  cs.AllowPrivilegeEscalation != nil && !*cs.AllowPrivilegeEscalation,
		"capabilities drop ALL":            cs.Capabilities != nil && slices.Contains(cs.Capabilities.Drop, "ALL") && len(cs.Capabilities.Add) == 0,
		"not privileged":                   cs.Privileged == nil || !*cs.Privileged,
		"no service account token mounted": pod.AutomountServiceAccountToken != nil && !*pod.AutomountServiceAccountToken,
	}
	for name, ok := range checks {
		if !ok {
			t.Errorf("securityContext: want %s", name)
		}
	}
}

func preStopSeconds(c corev1.Container) int64 {
	if c.Lifecycle == nil || c.Lifecycle.PreStop == nil || c.Lifecycle.PreStop.Sleep == nil {
		return 0
	}
	return c.Lifecycle.PreStop.Sleep.Seconds
}

func env(c corev1.Container, name string) string {
	for _, e := range c.Env {
		if e.Name == name {
			return e.Value
		}
	}
	return ""
}

// TestTheOthersSelectTheDeployment checks the names and labels that tie
// the manifests together, which kubectl accepts even when they are wrong.
func TestTheOthersSelectTheDeployment(t *testing.T) {
	m := load(t)
	d := m.deployment
	labels := d.Spec.Template.Labels
	matches := func(sel map[string]string) bool {
		for k, v := range sel {
			if labels[k] != v {
				return false
			}
		}
		return len(sel) > 0
	}
	if !matches(d.Spec.Selector.MatchLabels) {
		t.Error("the Deployment's selector does not match its pods")
	}
	if !matches(m.service.Spec.Selector) {
		t.Error("the Service does not select the Deployment's pods")
	}
	if m.pdb.Spec.Selector == nil || !matches(m.pdb.Spec.Selector.MatchLabels) {
		t.Error("the PodDisruptionBudget does not select the Deployment's pods")
	}
	ports := map[string]bool{}
	for _, p := range d.Spec.Template.Spec.Containers[0].Ports {
		ports[p.Name] = true
	}
	for _, p := range m.service.Spec.Ports {
		if !ports[p.TargetPort.StrVal] {
			t.Errorf("the Service's port %s targets %v, not a named container port", p.Name, p.TargetPort.String())
		}
	}
	ref := m.hpa.Spec.ScaleTargetRef
	if ref.Kind != "Deployment" || ref.Name != d.Name || ref.APIVersion != "apps/v1" {
		t.Errorf("the HPA scales %s %s, want Deployment %s", ref.Kind, ref.Name, d.Name)
	}
	if m.hpa.Spec.MinReplicas == nil || *m.hpa.Spec.MinReplicas < 2 || m.hpa.Spec.MaxReplicas < *m.hpa.Spec.MinReplicas {
		t.Error("the HPA should keep at least 2 replicas and allow more")
	}
	if len(m.hpa.Spec.Metrics) == 0 || m.hpa.Spec.Metrics[0].Resource == nil || m.hpa.Spec.Metrics[0].Resource.Name != corev1.ResourceCPU {
		t.Error("the HPA does not scale on CPU")
	}
	var secret corev1.Secret
	decode(t, "api-keys.example.yaml", &secret)
	for _, v := range d.Spec.Template.Spec.Volumes {
		if v.Secret != nil && v.Secret.SecretName != secret.Name {
			t.Errorf("the Deployment mounts Secret %s; the example is %s", v.Secret.SecretName, secret.Name)
		}
	}
}
