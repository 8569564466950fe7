"""Status codes returned by kernels instead of exceptions (the sgp4 convention).

The units API turns a non-zero code into an error or a note with these words.
"""

OK = 0
#: No launch azimuth reaches this inclination from this latitude (|cos i| > cos φ).
BELOW_MIN_INCLINATION = 1
#: The inclination is reachable, but only outside the site's published corridor.
OUTSIDE_CORRIDOR = 2
#: No sun-synchronous inclination exists for this orbit (|cos i| would exceed 1).
NO_SSO = 3

MESSAGES = {
    OK: "ok",
    BELOW_MIN_INCLINATION: "inclination below the site's minimum (or above 180° minus it)",
    OUTSIDE_CORRIDOR: "needed launch azimuth lies outside the site's published corridor",
    NO_SSO: "no sun-synchronous inclination exists at this semi-major axis and eccentricity",
}
