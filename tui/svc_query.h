/*
 * svc_query.h -- card status and contributions (tui/svc_query.c): the
 * read-only query's unit and its screen.
 */
#ifndef SSDESK_SVC_QUERY_H
#define SSDESK_SVC_QUERY_H

#include "tui/screens.h"
#include "tui/services.h"

extern const struct svc_unit svc_query;
extern const struct screen screen_query;

#endif
