package ddbhttp

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/ddbsim/ddbsim"
)

// adminPath is the fault-injection endpoint; clockPath the DB's clock;
// ttlSweepPath runs the time to live sweep.
const (
	adminPath    = "/ddbsim/faults"
	clockPath    = "/ddbsim/clock"
	ttlSweepPath = "/ddbsim/ttl/sweep"
)

// faultRequest is the JSON body of POST /ddbsim/faults.
type faultRequest struct {
	Kind      string // Throttle, InternalError, LostResponse or TransactionConflict
	Operation string
	Table     string
	Count     int
}

var faultKinds = map[string]ddbsim.FaultKind{
	"Throttle":            ddbsim.Throttle,
	"InternalError":       ddbsim.InternalError,
	"LostResponse":        ddbsim.LostResponse,
	"TransactionConflict": ddbsim.TransactionConflict,
}

// admin arms (POST) or clears (DELETE) faults, reads and moves the
// clock, or runs the TTL sweep.
func (h *handler) admin(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case clockPath:
		h.clockAdmin(w, r)
		return
	case ttlSweepPath:
		h.ttlSweep(w, r)
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
			http.Error(w, "bad fault: Kind must be Throttle, InternalError, LostResponse or TransactionConflict", http.StatusBadRequest)
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

// clockResponse is the answer of /ddbsim/clock: the DB's time, and after
// a move how many items the TTL sweep it ran deleted.
type clockResponse struct {
	Now     time.Time
	Expired int `json:",omitzero"`
}

// clockAdmin reads the DB's clock (GET) or moves it (POST), when it is a
// ddbsim.SettableClock (the server's is); a move runs the TTL sweep, so
// items that expired in the jump are gone when it answers.
func (h *handler) clockAdmin(w http.ResponseWriter, r *http.Request) {
	expired := 0
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
		expired = h.db.ExpireTTL()
	default:
		http.Error(w, "use GET to read the clock, POST to move it", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(clockResponse{Now: h.db.Now(), Expired: expired})
}

// ttlSweepResponse is the answer of POST /ddbsim/ttl/sweep.
type ttlSweepResponse struct {
	Expired int // the items the sweep deleted
}

// ttlSweep runs the DB's TTL sweep (POST) and says how many items it
// deleted.
func (h *handler) ttlSweep(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "use POST to run the TTL sweep", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(ttlSweepResponse{Expired: h.db.ExpireTTL()})
}
