package cn.canbao.hub.model;

/** What a record asks of the registry: part of a full snapshot, an increment, a delete, or a real-time event. */
public enum Operation {
    SNAPSHOT, ADD, UPDATE, DELETE, EVENT
}
