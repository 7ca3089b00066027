package cn.canbao.hub.model;

/** Facts other departments hold about a person; each is null when the source says nothing of it. */
public record Facts(Student student, Custody custody, Assistance assistance, Card card) {

    public static final Facts NONE = new Facts(null, null, null, null);
}
