// Package deploy holds the Kubernetes manifests of belner (apply them with
// kubectl apply -k deploy/). It has no code: its test decodes every
// manifest strictly into the Kubernetes API types and checks what a
// production deployment needs — probes, resources, a locked-down security
// context, and a Service, autoscaler and disruption budget that select the
// Deployment's pods. cmd/belner's tests check that the environment
// variables set here are ones belner serve knows.
package deploy
