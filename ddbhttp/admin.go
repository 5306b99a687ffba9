package ddbhttp

import (
	"encoding/json"
	"net/http"

	"github.com/ddbsim/ddbsim"
)

// adminPath is the fault-injection endpoint.
const adminPath = "/ddbsim/faults"

// faultRequest is the JSON body of POST /ddbsim/faults.
type faultRequest struct {
	Kind      string // Throttle, InternalError or LostResponse
	Operation string
	Table     string
	Count     int
}

var faultKinds = map[string]ddbsim.FaultKind{
	"Throttle":      ddbsim.Throttle,
	"InternalError": ddbsim.InternalError,
	"LostResponse":  ddbsim.LostResponse,
}

// admin arms (POST) or clears (DELETE) faults.
func (h *handler) admin(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodPost:
		var req faultRequest
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&req); err != nil {
			http.Error(w, "bad fault: "+err.Error(), http.StatusBadRequest)
			return
		}
		kind, ok := faultKinds[req.Kind]
		if !ok {
			http.Error(w, "bad fault: Kind must be Throttle, InternalError or LostResponse", http.StatusBadRequest)
			return
		}
		h.db.InjectFault(ddbsim.Fault{Kind: kind, Operation: req.Operation, Table: req.Table, Count: req.Count})
	case http.MethodDelete:
		h.db.ClearFaults()
	default:
		http.Error(w, "use POST to arm a fault, DELETE to clear them", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte("{}\n"))
}
