/*
 * service_id.h -- the name of each counter service, alone, so that the
 * plain structs of forms/person.h can say which service an application
 * is (forms/service.h has the services' facts and rules).
 */
#ifndef SSDESK_SERVICE_ID_H
#define SSDESK_SERVICE_ID_H

enum service_id {
	SERVICE_UNKNOWN = -1,      /* a wire name this terminal does not know */
	SERVICE_MEDICAL = 0,       /* medical-insurance account activation */
	SERVICE_PIN_RESET,
	SERVICE_FINANCIAL,
	SERVICE_CANCEL_LOSS,       /* the 300-day remedy's step 2 */
	SERVICE_REPLACEMENT,
	SERVICE_NEW_CARD,
	SERVICE_LOSS_REPORT,       /* report lost, no replacement (temporary) */
	SERVICE_LOSS_LIFT,         /* lift a loss report: the card is found */
	SERVICE_QUERY,             /* card status and contributions, read-only */
	SERVICE_DELEGATED,         /* an activation under a power of attorney */
	SERVICE_NEWBORN,           /* newborn registration */
	SERVICE_DECISION,          /* a supervisor's decision (four eyes) */
	SERVICE_N,
};

#endif
