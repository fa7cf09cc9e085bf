/**
 * The default of input `ready-wait`: two minutes.
 *
 * Why two minutes: after a deploy, App Service restarts the app (and a slot again when its slot
 * settings are applied before a swap); a code deployment is usually answering again within a
 * minute, a container image somewhat later (App Service gives a container 230 s to start by
 * default, WEBSITES_CONTAINER_START_TIME_LIMIT). Two minutes covers the common case without the
 * workflow having to know it, and costs nothing when the endpoint answers at once: the wait only
 * runs while the endpoint refuses connections or its front end answers 502/503/504. The price is
 * that a target URL that points at nothing fails two minutes later than it would with `0`.
 */
export const READY_WAIT_DEFAULT = '2m'
