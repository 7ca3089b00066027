package cn.canbao.hub.model;

/** How the stored 18-character identity number was obtained from what the source sent. */
public enum IdNumberOrigin {
    AS_GIVEN, UPGRADED_FROM_15, ABSENT
}
