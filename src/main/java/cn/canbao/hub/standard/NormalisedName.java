package cn.canbao.hub.standard;

/** A person's name in the form sources are compared by, beside the name exactly as the source sent it. */
public record NormalisedName(String normalised, String original) {
}
