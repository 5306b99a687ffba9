package ddbhttp

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/ddbsim/ddbsim"
)

// adminPath is the fault-injection endpoint; clockPath the DB's clock.
const (
	adminPath = "/ddbsim/faults"
	clockPath = "/ddbsim/clock"
)

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

// admin arms (POST) or clears (DELETE) faults, or reads and moves the
// clock.
func (h *handler) admin(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == clockPath {
		h.clockAdmin(w, r)
		return
	}
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

// clockRequest is the JSON body of POST /ddbsim/clock: Advance, a Go
// duration ("90s", "-1h"), or Set, an RFC 3339 time.
type clockRequest struct {
	Advance string
	Set     string
}

// clockResponse is the answer of /ddbsim/clock: the DB's time.
type clockResponse struct {
	Now time.Time
}

// clockAdmin reads the DB's clock (GET) or moves it (POST), when it is a
// ddbsim.SettableClock (the server's is).
func (h *handler) clockAdmin(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
	case http.MethodPost:
		clock, ok := h.db.Clock().(ddbsim.SettableClock)
		if !ok {
			http.Error(w, "the DB's clock cannot be moved: make the DB with a ddbsim.SettableClock", http.StatusConflict)
			return
		}
		var req clockRequest
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&req); err != nil {
			http.Error(w, "bad clock request: "+err.Error(), http.StatusBadRequest)
			return
		}
		switch {
		case (req.Advance == "") == (req.Set == ""):
			http.Error(w, "bad clock request: give one of Advance (a duration) and Set (an RFC 3339 time)", http.StatusBadRequest)
			return
		case req.Advance != "":
			d, err := time.ParseDuration(req.Advance)
			if err != nil {
				http.Error(w, "bad clock request: "+err.Error(), http.StatusBadRequest)
				return
			}
			clock.Advance(d)
		default:
			t, err := time.Parse(time.RFC3339Nano, req.Set)
			if err != nil {
				http.Error(w, "bad clock request: "+err.Error(), http.StatusBadRequest)
				return
			}
			clock.Set(t)
		}
	default:
		http.Error(w, "use GET to read the clock, POST to move it", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(clockResponse{Now: h.db.Now()})
}
