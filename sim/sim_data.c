/*
 * sim_data.c -- the fictitious staff and people of the simulator.
 *
 * Each person exercises one rule or failure of the counter (the `purpose`
 * line says which; `ssdesk-sim --list` prints them for trainers).  Dates
 * are relative to the simulator's today.  Passwords are kept only as
 * Argon2id hash strings (crypto_pwhash_str, interactive limits); the one
 * demo password is SIM_DATA_PASSWORD, fictitious and for training only.
 */
#include "sim/sim_data.h"

#define ICBC  "Industrial and Commercial Bank of China"
#define BOC   "Bank of China"
#define CCB   "China Construction Bank"
#define ABC   "Agricultural Bank of China"
#define BOCOM "Bank of Communications"
#define CMB   "China Merchants Bank"
#define CMBC  "China Minsheng Bank"
#define JSB   "Bank of Jiangsu"
#define CITIC "China CITIC Bank"
#define PAB   "Ping An Bank"
#define PSBC  "Postal Savings Bank of China"
#define URMQ  "Bank of Urumqi"

#define YEARS(n) ((n) * 365L)

const struct sim_data_staff sim_data_staff[] = {
	{ "clerk01", "王小明", "clerk",
	  "$argon2id$v=19$m=65536,t=2,p=1$7Ryr0YM49jpMTN5znGqpiw$"
	  "V/r7FazDT0YeOtt77XjjZLI4B5OZYO+eHidvKABeW64",
	  "counter clerk" },
	{ "clerk02", "李红", "clerk",
	  "$argon2id$v=19$m=65536,t=2,p=1$Cz6TydKsu0Xy8swMDy9ncw$"
	  "4nkyp4y2opr8wYn1WPKFNjBe/ZUbzpppxUc6TbMcN+M",
	  "a second clerk, for two-terminal cases" },
	{ "super01", "陈主管", "supervisor",
	  "$argon2id$v=19$m=65536,t=2,p=1$wTFi6gmTsoQ79076VPAZNg$"
	  "aXv7PfoDVhp1AwVXSh/AJ31wevI8RR2q3DD4asVrsJY",
	  "supervisor: approvals, counter work" },
	{ "trainer01", "周老师", "trainer",
	  "$argon2id$v=19$m=65536,t=2,p=1$v9xjK3EtjafwvzL3IYwnDQ$"
	  "3vIZHvA+zOoLThcrShRtwzwy3xabwP9UAZBrXg1Bu+o",
	  "trainer: counter work" },
	{ "super02", "罗主管", "supervisor",
	  "$argon2id$v=19$m=65536,t=2,p=1$Aj96OrKnM9Kf+m++9xf/ig$"
	  "uPyWLvCbOGOlusHybt1Ya13a+VqxkeHKuLguqAcx9Oc",
	  "second supervisor: racing approvals" },
};
const size_t sim_data_nstaff = sizeof sim_data_staff / sizeof sim_data_staff[0];

const char sim_data_dummy_hash[] =
	"$argon2id$v=19$m=65536,t=2,p=1$IlpjDxpADySYKqqy9/9Udg$"
	"MgzVUrZTCjLbX2sVGMMhElycTkqM1Rm5377oAn5XNgU";

const struct sim_data_person sim_data_people[] = {
	{ "P-0001", "张伟", "110105", 1985, 3, 12, 13, false, YEARS(6),
	  false, false, 1,
	  "happy path: card received 120 days ago, medical activation succeeds",
	  1, { { "C-0001", "A0****017", ICBC, false, false, false, 120 } } },
	{ "P-0002", "吴秀英", "110105", 1949, 12, 31, 2, true, 0,
	  false, false, 2,
	  "happy path, elderly, ID long-term (the official sample number)",
	  1, { { "C-0002", "A0****028", BOC, false, false, false, 40 } } },
	{ "P-0003", "李娜", "310104", 1990, 7, 8, 24, false, YEARS(9),
	  false, false, 3,
	  "medical function already active: activation refused already_active",
	  1, { { "C-0003", "A1****035", BOCOM, false, true, true, 200 } } },
	{ "P-0004", "王芳", "440106", 1978, 11, 2, 46, false, -30,
	  false, false, 4,
	  "ID card expired 30 days ago in the register: id_card_expired",
	  1, { { "C-0004", "A1****046", CCB, false, false, false, 90 } } },
	{ "P-0005", "刘洋", "510107", 1960, 4, 15, 31, false, YEARS(4),
	  true, false, 5,
	  "recorded as deceased: identity check refused deceased",
	  1, { { "C-0005", "A2****052", ABC, false, true, true, 900 } } },
	{ "P-0006", "陈静", "330106", 1992, 9, 21, 68, false, YEARS(7),
	  false, true, 6,
	  "the service's face comparison fails: face_failed even if the device "
	  "said pass",
	  1, { { "C-0006", "A2****063", CMB, false, false, false, 30 } } },
	{ "P-0007", "杨磊", "420106", 1988, 1, 30, 75, false, YEARS(5),
	  false, false, 7,
	  "card received 301 days ago, financial function off: medical "
	  "application reported lost, activation refused deadline_passed",
	  1, { { "C-0007", "A3****071", CMBC, false, false, false, 301 } } },
	{ "P-0008", "赵敏", "320102", 1995, 5, 5, 82, false, YEARS(8),
	  false, false, 8,
	  "card received exactly 300 days ago: deadline today, still in time",
	  1, { { "C-0008", "A3****084", JSB, false, false, false, 300 } } },
	{ "P-0009", "黄强", "610113", 1983, 12, 25, 97, false, YEARS(3),
	  false, false, 9,
	  "card received 299 days ago: 1 day left, activation succeeds",
	  1, { { "C-0009", "A4****093", CITIC, false, false, false, 299 } } },
	{ "P-0010", "周杰", "110108", 1979, 6, 18, 19, false, YEARS(2),
	  false, false, 10,
	  "the card itself was reported lost: activation refused card_lost",
	  1, { { "C-0010", "A4****105", ICBC, true, false, false, 150 } } },
	{ "P-0011", "欧阳娜娜", "440305", 2000, 2, 29, 26, false, YEARS(10),
	  false, false, 11,
	  "compound surname, leap-day birth, two cards: old one lost, new one "
	  "(received 60 days ago) activates",
	  2, { { "C-0011", "A5****112", PAB, true, true, true, 700 },
	       { "C-0012", "A5****127", PAB, false, false, false, 60 } } },
	{ "P-0012", "阿依古丽·买买提", "650102", 1997, 10, 1, 48, false, YEARS(9),
	  false, false, 12,
	  "long minority name with a middle dot: happy path",
	  1, { { "C-0013", "A6****139", URMQ, false, false, false, 20 } } },
	{ "P-0100", "孙丽", "110105", 1956, 3, 8, 22, true, 0,
	  false, false, 20,
	  "insured who cannot come: an agent (马军) activates her card under a "
	  "power of attorney; pending until a supervisor approves",
	  1, { { "C-0100", "B0****104", ICBC, false, false, false, 100 } } },
	{ "P-0101", "马军", "110106", 1980, 5, 20, 15, false, YEARS(6),
	  false, false, 21,
	  "the agent: passes the identity check, then acts for 孙丽, 孙涛 or "
	  "朱海; acting for himself is refused agent_is_insured",
	  1, { { "C-0101", "B0****111", BOC, false, true, true, 400 } } },
	{ "P-0102", "朱海", "110107", 1950, 2, 14, 31, false, YEARS(3),
	  true, false, 22,
	  "recorded as deceased: a delegation for him is refused deceased",
	  1, { { "C-0102", "B0****125", CCB, false, false, false, 90 } } },
	{ "P-0103", "胡明", "110108", 1990, 8, 8, 57, false, YEARS(7),
	  false, false, 23,
	  "parent: registers newborn 胡小宝 from household HH-0100; the other "
	  "children and households there show each newborn refusal",
	  1, { { "C-0103", "B1****136", ABC, false, true, true, 500 } } },
	{ "P-0104", "郭芳", "110108", 1992, 3, 3, 62, false, YEARS(8),
	  false, false, 24,
	  "mother in household HH-0100: may register 胡小宝 too",
	  1, { { "C-0104", "B1****142", ABC, false, true, true, 450 } } },
	{ "P-0105", "何静", "110109", 1965, 10, 10, 44, false, YEARS(4),
	  false, false, 25,
	  "grandmother in household HH-0104: listed, but not the newborn's "
	  "parent (not_guardian)",
	  1, { { "C-0105", "B1****158", BOCOM, false, true, true, 800 } } },
	{ "P-0106", "孙涛", "110105", 1958, 7, 1, 35, false, YEARS(5),
	  false, false, 26,
	  "a second insured an agent acts for: the POA covers only the "
	  "financial function (scope refusal for social-security; rejection)",
	  1, { { "C-0106", "B1****167", CMB, false, false, false, 50 } } },
	{ "P-0200", "林晓雨", "350102", 1991, 4, 17, 202, false, YEARS(7),
	  false, false, 20,
	  "card in use, both functions active: PIN reset (initial PIN "
	  "123456); contribution query",
	  1, { { "C-0200", "A7****201", BOC, false, true, true, 500 } } },
	{ "P-0201", "高建国", "370102", 1986, 8, 9, 211, false, YEARS(6),
	  false, false, 21,
	  "no card yet: new card (first application), then set its PIN",
	  0, { { 0 } } },
	{ "P-0202", "梁文", "450103", 1975, 2, 14, 223, false, YEARS(4),
	  false, false, 22,
	  "card in use, lost today: report it lost and apply for a "
	  "replacement",
	  1, { { "C-0202", "A7****223", CCB, false, true, true, 400 } } },
	{ "P-0203", "宋佳", "210102", 1993, 6, 6, 236, false, YEARS(8),
	  false, false, 23,
	  "card received 320 days ago, financial off: remedy, financial "
	  "activation then cancel the loss report",
	  1, { { "C-0203", "A7****236", ABC, false, false, false, 320 } } },
};
const size_t sim_data_npeople =
	sizeof sim_data_people / sizeof sim_data_people[0];

const struct sim_data_household sim_data_households[] = {
	{ "HH-0100", "北京市海淀区学院路 100 号",
	  "parent 胡明 (or 郭芳): newborn 胡小宝 registers; 胡乐乐 already has "
	  "a card; 胡欢 is 366 days old (not a newborn)",
	  5, {
	    { "胡明", "householder", "P-0103", NULL, 0, 0, 0, 0, 0, false,
	      { 0 } },
	    { "郭芳", "spouse", "P-0104", NULL, 0, 0, 0, 0, 0, false, { 0 } },
	    { "胡乐乐", "child", NULL, "110108", 2021, 6, 1, 0, 84, true,
	      { 1, 2, 0 } },
	    { "胡欢", "child", NULL, "110108", 0, 0, 0, 366, 93, false,
	      { 1, 2, 0 } },
	    { "胡小宝", "child", NULL, "110108", 0, 0, 0, 30, 71, false,
	      { 1, 2, 0 } },
	  } },
	{ "HH-0101", "北京市朝阳区望京街 101 号",
	  "the applicant (胡明) is not listed in it: parent_not_listed",
	  2, {
	    { "罗刚", "householder", NULL, "110105", 1988, 4, 4, 0, 33, true,
	      { 0 } },
	    { "罗小雨", "child", NULL, "110105", 0, 0, 0, 40, 82, false,
	      { 1, 0 } },
	  } },
	{ "HH-0104", "北京市丰台区南苑路 104 号",
	  "何静 is the grandmother, not the newborn's parent: not_guardian",
	  3, {
	    { "何静", "householder", "P-0105", NULL, 0, 0, 0, 0, 0, false,
	      { 0 } },
	    { "何伟", "child", NULL, "110109", 1990, 1, 20, 0, 51, true,
	      { 1, 0 } },
	    { "何小月", "grandchild", NULL, "110109", 0, 0, 0, 20, 64, false,
	      { 2, 0 } },
	  } },
};
const size_t sim_data_nhouseholds =
	sizeof sim_data_households / sizeof sim_data_households[0];
const char sim_data_unknown_household[] = "HH-0199";

const struct sim_data_unknown sim_data_unknown = {
	"110101", 1990, 1, 1, 123,
	"unknown person: a valid number nobody has (unknown_person); any listed "
	"number with another name gives name_mismatch",
};
