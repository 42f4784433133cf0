package server

import (
	"net/http"
	"strings"

	"github.com/pdnkit/pdnkit/requests"
)

// routes registers every endpoint. Each one checks the staff member first
// (see authorize).
func (s *Server) routes() {
	// Requests from subjects, representatives, the authority, third parties.
	s.handle("POST /requests", requests.OpRegister, s.registerRequest)
	s.handle("GET /requests/{id}", requests.OpRead, s.getRequest)
	s.handle("GET /requests/{id}/notices", requests.OpRead, s.requestNotices)
	s.handle("GET /requests/{id}/report", requests.OpRead, s.requestReport)
	s.handle("GET /requests/{id}/report.html", requests.OpRead, s.requestReport)
	s.handle("POST /requests/{id}/extend", requests.OpExtend, s.extendRequest)
	s.handle("POST /requests/{id}/documents", requests.OpDocuments, s.documentsArrived)
	s.handle("POST /requests/{id}/resolve", requests.OpResolve, s.resolveRequest)
	s.handle("POST /requests/{id}/clarify", requests.OpClarify, s.clarifyRequest)
	s.handle("POST /requests/{id}/remedy", requests.OpRemedy, s.remedyRequest)
	s.handle("POST /requests/{id}/hand-over", requests.OpHandOver, s.handOver)
	s.handle("POST /requests/{id}/confirm-destruction", requests.OpConfirmDestruction, s.confirmDestruction)
	s.handle("POST /requests/{id}/refuse", requests.OpRefuse, s.refuseRequest)
	s.handle("POST /requests/{id}/fulfil", requests.OpFulfil, s.fulfilRequest)
	s.handle("GET /dashboard/overdue", requests.OpRead, s.overdue)
	s.handle("GET /dashboard/due-soon", requests.OpRead, s.dueSoon)
	s.handle("GET /audit", requests.OpRead, s.auditLog)

	// Subjects: the directory and the access report.
	s.handle("POST /subjects", 0, s.putSubject)
	s.handle("GET /subjects/{id}", 0, s.getSubject)
	s.handle("GET /subjects/{id}/holds", 0, s.subjectHolds)
	s.handle("GET /subjects/{id}/consents", 0, s.subjectConsents)
	s.handle("GET /subjects/{id}/report", 0, s.subjectReport)
	s.handle("GET /subjects/{id}/report.html", 0, s.subjectReport)

	// Consents and decisions.
	s.handle("POST /consents", 0, s.giveConsent)
	s.handle("POST /consents/validate", 0, s.validateConsent)
	s.handle("GET /consents/{id}", 0, s.getConsent)
	s.handle("GET /consents/{id}/form.html", 0, s.consentForm)
	s.handle("GET /consents/{id}/form.txt", 0, s.consentForm)
	s.handle("POST /consents/{id}/withdraw", 0, s.withdrawConsent)
	s.handle("POST /decisions", 0, s.decide)

	// Records and the retention sweep.
	s.handle("POST /records", 0, s.addRecord)
	s.handle("GET /records/{id}", 0, s.getRecord)
	s.handle("GET /retention/due", 0, s.retentionDue)

	// The destruction commission and its acts.
	s.handle("POST /commissions", 0, s.addCommission)
	s.handle("GET /commissions/{id}", 0, s.getCommission)
	s.handle("POST /acts/selection", 0, s.newSelectionAct)
	s.handle("POST /acts/destruction", 0, s.newDestructionAct)
	s.handle("GET /acts/{id}", 0, s.getAct)
	s.handle("GET /acts/{id}/history", 0, s.actHistory)
	s.handle("POST /acts/{id}/check", 0, s.checkAct)
	s.handle("POST /acts/{id}/seal-media", 0, s.sealMedia)
	s.handle("POST /acts/{id}/destroyed", 0, s.recordDestruction)
	s.handle("POST /acts/{id}/sign", 0, s.signAct)
	s.handle("POST /acts/{id}/approve", 0, s.approveAct)
	s.handle("GET /acts/{id}/act.docx", 0, s.actDocument)
	s.handle("GET /acts/{id}/act.html", 0, s.actDocument)
	s.handle("GET /acts/{id}/act.txt", 0, s.actDocument)
	s.handle("GET /acts/{id}/extract.csv", 0, s.actExtract)
	s.handle("GET /acts/{id}/extract.json", 0, s.actExtract)

	// Anything else: a JSON 405 (with Allow) for a known path and another
	// method, a JSON 404 otherwise — after the staff check like every route.
	s.handle("/", 0, s.noRoute)
}

var methods = []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}

func (s *Server) noRoute(c *call) error {
	var allow []string
	for _, m := range methods {
		r := c.r.Clone(c.r.Context())
		r.Method = m
		if _, pattern := s.mux.Handler(r); pattern != "" && pattern != "/" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		c.w.Header().Set("Allow", strings.Join(allow, ", "))
		return &apiError{Status: http.StatusMethodNotAllowed, Code: "method_not_allowed",
			Message:   c.r.Method + " is not allowed on " + c.r.URL.Path + "; use " + strings.Join(allow, " or "),
			MessageRU: "метод " + c.r.Method + " недопустим для " + c.r.URL.Path + "; допустимо: " + strings.Join(allow, ", ")}
	}
	return &apiError{Status: http.StatusNotFound, Code: "no_route", Message: "no endpoint " + c.r.Method + " " + c.r.URL.Path,
		MessageRU: "нет такого адреса: " + c.r.Method + " " + c.r.URL.Path}
}
