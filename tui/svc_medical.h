/*
 * svc_medical.h -- the medical-insurance account activation
 * (tui/svc_medical.c): its unit and its screen.
 */
#ifndef SSDESK_SVC_MEDICAL_H
#define SSDESK_SVC_MEDICAL_H

#include "tui/screens.h"
#include "tui/services.h"

extern const struct svc_unit svc_medical;
extern const struct screen screen_medical;

#endif
