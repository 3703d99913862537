/** Problems printed at most: past this many, the first ones say what is wrong, and a count the rest. */
export const MAX_SHOWN_ISSUES = 100;
