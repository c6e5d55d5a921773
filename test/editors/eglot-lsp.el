;;; eglot-lsp.el --- Emacs + eglot end-to-end check of the pbxlint language server  -*- lexical-binding: t -*-
;;
;;   PBXLINT_NODE=node PBXLINT_SERVER=dist/server.js \
;;     emacs --batch -Q -l test/editors/eglot-lsp.el /tmp/x/sip.conf
;;
;; The file must be a copy of examples/etc/asterisk/sip.conf.  The script starts
;; `node dist/server.js --stdio' through eglot (1.9, Debian's elpa-eglot, or the one built into
;; Emacs 29+), waits for the diagnostics to reach Flymake, asks for hover and code actions on the
;; alwaysauthreject finding, applies the preferred quick fix, waits for the finding to go, asks
;; for source.fixAll.pbxlint, shuts the server down, and prints one JSON line starting with
;; `PBXLINT_RESULT ' on stdout.  Exit status 0 on success, 1 on failure.  Every wait is bounded
;; (PBXLINT_WAIT_MS, default 10000 ms each).

(require 'cl-lib)
(require 'subr-x)
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path dir))
(require 'eglot)
(require 'json)

(defvar pbxlint-wait (/ (string-to-number (or (getenv "PBXLINT_WAIT_MS") "10000")) 1000.0))
(defvar pbxlint-result (list :client "emacs-eglot"))
(defvar pbxlint-steps nil)
(defvar pbxlint-t0 (float-time))

;; Every textDocument/publishDiagnostics as the server sent it (Flymake's own view can lose a
;; diagnostic early: its overlay evaporates when the edit replaces the text under it).
(defvar pbxlint-published nil "Rule ids of each publishDiagnostics, newest first.")
(cl-defmethod eglot-handle-notification :after
  (_server (_method (eql textDocument/publishDiagnostics)) &key diagnostics &allow-other-keys)
  (push (mapcar (lambda (d) (plist-get d :code)) diagnostics) pbxlint-published))

(defun pbxlint-put (key value) (setq pbxlint-result (plist-put pbxlint-result key value)))
(defun pbxlint-ms () (round (* 1000 (- (float-time) pbxlint-t0))))
(defun pbxlint-note (step) (push (list :step step :ms (pbxlint-ms)) pbxlint-steps))

(defun pbxlint-finish (err)
  (pbxlint-put :ok (if err :json-false t))
  (pbxlint-put :error err)
  (pbxlint-put :steps (vconcat (reverse pbxlint-steps)))
  (pbxlint-put :ms (pbxlint-ms))
  (princ (concat "\nPBXLINT_RESULT " (json-encode pbxlint-result) "\n"))
  (kill-emacs (if err 1 0)))

(defun pbxlint-wait-until (pred what)
  "Run Flymake and process output until PRED is non-nil, at most `pbxlint-wait' seconds."
  (let ((deadline (+ (float-time) pbxlint-wait)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (when (bound-and-true-p flymake-mode) (flymake-start))
      (accept-process-output nil 0.05))
    (unless (funcall pred)
      (error "%s within %.0f ms" what (* 1000 pbxlint-wait)))))

(defun pbxlint-lsp-diag (d) (cdr (assoc 'eglot-lsp-diag (eglot--diag-data d))))
(defun pbxlint-diags ()
  (cl-remove-if-not #'pbxlint-lsp-diag (flymake-diagnostics (point-min) (point-max))))
(defun pbxlint-find (code)
  (cl-find-if (lambda (d) (equal (plist-get (pbxlint-lsp-diag d) :code) code)) (pbxlint-diags)))

(defun pbxlint-run ()
  (pbxlint-put :clientVersion (format "emacs %s, eglot %s" emacs-version
                                      (or (ignore-errors (package-get-version)) (bound-and-true-p eglot-version)
                                          (let ((lib (locate-library "eglot"))) (and lib (string-remove-prefix "eglot-" (file-name-nondirectory (directory-file-name (file-name-directory lib)))))))))
  (let* ((node (or (getenv "PBXLINT_NODE") "node"))
         (server-js (or (getenv "PBXLINT_SERVER") (error "PBXLINT_SERVER is not set")))
         (file (or (car command-line-args-left) (error "no file given"))))
    (setq command-line-args-left nil)
    (unless (string-match-p "sip\\.conf\\'" file) (error "open a copy of sip.conf, got %s" file))
    (find-file file)
    ;; Whatever mode Emacs picked for the file (conf-unix-mode here), pbxlint serves it.
    (add-to-list 'eglot-server-programs (list major-mode node server-js "--stdio"))
    (apply #'eglot (eglot--guess-contact))
    (let ((server (eglot-current-server)))
      (unless server (error "eglot did not connect"))
      ;; 1. Diagnostics reach Flymake.
      (pbxlint-wait-until (lambda () (pbxlint-find "sip-alwaysauthreject")) "no sip-alwaysauthreject diagnostic")
      (pbxlint-note "diagnostics")
      (pbxlint-put :diagnostics
                   (vconcat (mapcar (lambda (d)
                                      (let ((l (pbxlint-lsp-diag d)))
                                        (list :code (plist-get l :code) :source (plist-get l :source)
                                              :severity (plist-get l :severity)
                                              :line (1+ (plist-get (plist-get (plist-get l :range) :start) :line))
                                              :message (plist-get l :message))))
                                    (pbxlint-diags))))
      (let* ((d (pbxlint-find "sip-alwaysauthreject"))
             (beg (flymake-diagnostic-beg d))
             (end (flymake-diagnostic-end d)))
        ;; 2. Hover at the finding.
        (goto-char beg)
        (let ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams))))
          (pbxlint-put :hover (plist-get (plist-get hover :contents) :value)))
        (pbxlint-note "hover")
        ;; 3. Code actions for the finding's range (eglot sends the Flymake diagnostics there as context).
        (let* ((actions (eglot-code-actions beg end))
               (preferred (cl-find-if (lambda (a) (eq (plist-get a :isPreferred) t)) actions)))
          (pbxlint-put :codeActions
                       (vconcat (mapcar (lambda (a)
                                          (list :title (plist-get a :title) :kind (plist-get a :kind)
                                                :isPreferred (if (eq (plist-get a :isPreferred) t) t :json-false)
                                                :hasEdit (if (plist-get a :edit) t :json-false)
                                                :command (plist-get (plist-get a :command) :command)))
                                        actions)))
          (pbxlint-note "codeActions")
          (unless preferred (error "no preferred code action for sip-alwaysauthreject"))
          ;; 4. Apply it as eglot does; eglot sends didChange, and the server's next
          ;; publishDiagnostics must no longer hold the finding.
          (let ((before (length pbxlint-published)))
            (eglot--apply-workspace-edit (plist-get preferred :edit))
            ;; Interactive Emacs sends didChange from an idle timer, and idle timers never
            ;; fire in --batch: send the pending change now, as that timer would.
            (eglot--signal-textDocument/didChange)
            (pbxlint-put :lineAfterFix (buffer-substring-no-properties (line-beginning-position) (line-end-position)))
            (pbxlint-wait-until (lambda () (and (> (length pbxlint-published) before)
                                                (car pbxlint-published)
                                                (not (member "sip-alwaysauthreject" (car pbxlint-published)))))
                                "sip-alwaysauthreject still published after the fix"))
          (pbxlint-note "fixApplied")
          (pbxlint-put :codesAfterFix (vconcat (car pbxlint-published)))))
      ;; 5. source.fixAll.pbxlint over the whole buffer.
      (let ((fixall (eglot-code-actions (point-min) (point-max) "source.fixAll.pbxlint")))
        (pbxlint-put :fixAll (vconcat (mapcar (lambda (a) (list :title (plist-get a :title) :kind (plist-get a :kind))) fixall))))
      (pbxlint-note "fixAll")
      ;; 6. Clean shutdown: after shutdown + exit the server process must end by itself with 0
      ;; (`eglot-shutdown' would SIGKILL it at once through `jsonrpc-shutdown').
      (let ((proc (jsonrpc--process server)))
        (setf (eglot--shutdown-requested server) t)
        (jsonrpc-request server :shutdown nil :timeout pbxlint-wait)
        (jsonrpc-notify server :exit nil)
        (pbxlint-wait-until (lambda () (not (process-live-p proc))) "server did not exit after shutdown/exit")
        (pbxlint-put :serverExitCode (process-exit-status proc)))
      (pbxlint-note "shutdown"))))

(condition-case err
    (progn (pbxlint-run) (pbxlint-finish nil))
  (error (pbxlint-finish (error-message-string err))))
